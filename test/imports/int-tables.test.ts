import { describe, expect, it } from 'vitest';
import { IntArray, IntList, PairMap, StringTable, stringHash } from '../../src-main/imports/int-tables';

/** The duplicate finder's integer tables (int-tables.ts) against Maps, through their growth and hash collisions. */
describe('the duplicate finder’s tables', () => {
  it('a PairMap keeps the first value of each pair, as a Map would', () => {
    const map = new PairMap();
    const expected = new Map<string, number>();
    let seed = 7;
    const next = () => (seed = Math.imul(seed, 48271) % 2147483647) & 0xffff;
    for (let index = 0; index < 20_000; index += 1) {
      const [a, b] = [next() % 500, next()];
      const set = map.setIfAbsent(a, b, index);
      expect(set).toBe(!expected.has(`${a},${b}`));
      if (set) expected.set(`${a},${b}`, index);
    }
    for (const [key, value] of expected) {
      const [a, b] = key.split(',').map(Number) as [number, number];
      expect(map.get(a, b)).toBe(value);
    }
    expect(map.get(501, 0)).toBe(-1);
  });

  it('a StringTable tells strings apart when their hashes collide, and keeps the first value of each', () => {
    // Two strings of one hash and one length: found among many (a 32-bit hash collides within about 80,000).
    const seen = new Map<number, string>();
    let collision: [string, string] | null = null;
    for (let index = 0; !collision; index += 1) {
      const text = `jobs.example.com/${index.toString(36)}/${(index * 7919).toString(36)}`;
      const other = seen.get(stringHash(text));
      if (other !== undefined && other.length === text.length) collision = [other, text];
      else if (other === undefined) seen.set(stringHash(text), text);
    }
    const table = new StringTable();
    const [first, second] = collision;
    table.setIfAbsent(first, 1);
    expect(table.get(second)).toBe(-1);
    table.setIfAbsent(second, 2);
    table.setIfAbsent(first, 3);
    expect([table.get(first), table.get(second)]).toEqual([1, 2]);
    // Through growth, with texts of every length and characters past Latin-1.
    const texts = [...seen.values()].slice(0, 30_000).map((text, index) => (index % 3 === 0 ? `${text}é€🚀` : text.slice(0, index % 40)));
    const expected = new Map<string, number>();
    texts.forEach((text, index) => {
      table.setIfAbsent(text, index);
      if (!expected.has(text)) expected.set(text, index);
    });
    for (const [text, value] of expected) expect(table.get(text)).toBe(text === first ? 1 : text === second ? 2 : value);
    expect(table.get('not there')).toBe(-1);
  });

  it('lists grow and keep what was set', () => {
    const list = new IntList(2);
    const array = new IntArray(-1, 2);
    for (let index = 0; index < 5_000; index += 1) list.push(index * 3);
    array.set(4_999, 9);
    expect([list.length, list.get(0), list.get(4_999), array.get(4_999), array.get(3), array.get(100_000)]).toEqual([5_000, 0, 14_997, 9, -1, -1]);
  });
});
