import { positionKeys, typoKeys } from '../applications/positions';
import { IntArray, IntList } from './int-tables';

/** A title's keys (positions.ts) as numbers: every distinct key string is kept once, whatever the companies. */
export interface TitleIds {
  exact: number;
  joined: number;
}

/**
 * The typo keys positionKeys gives any title of this exact key (`level|sorted words`), in the same order: the exact
 * key, then the key with one letter of one long word left out, each once. A title's typo keys depend only on its
 * exact key, so they are made from it, when needed, instead of kept for every title.
 */
export function typoKeysOfExact(exact: string): string[] {
  const bar = exact.indexOf('|');
  const rest = exact.slice(bar + 1);
  return typoKeys(exact.slice(0, bar), rest === '' ? [] : rest.split(' '));
}

/**
 * The keys of the titles of a file and of the saved applications, numbered. Exact and joined keys are numbered as
 * titles come. Typo keys are numbered only for the exact keys asked for (`register`: those of companies that have a
 * title to compare with), and each typo key knows the exact keys it is a typo key of (its owners): a title with a
 * typo is then found by looking up those owners in a company, so a company keeps no typo key of its own.
 */
export class TitleKeys {
  private readonly exactIds = new Map<string, number>();
  private readonly exacts: string[] = [];
  private readonly joinedIds = new Map<string, number>();
  /** Titles repeat; a file of only distinct titles should not keep them all. */
  private readonly ofTitle = new Map<string, TitleIds>();
  private static readonly titlesKept = 50_000;

  private readonly typoIds = new Map<string, number>();
  /** For each registered exact key, where its typo keys' numbers are in `typoOfExact` (start, end; -1: not registered). */
  private readonly typoStart = new IntArray(-1);
  private readonly typoEnd = new IntArray(-1);
  private readonly typoOfExact = new IntList();
  /** For each typo key, its first owner in `ownerExact` / `ownerNext` (a linked list; -1 ends it). */
  private readonly firstOwner = new IntArray(-1);
  private readonly ownerExact = new IntList();
  private readonly ownerNext = new IntList();

  private static id(ids: Map<string, number>, key: string): number {
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    return id;
  }

  of(title: string): TitleIds {
    let ids = this.ofTitle.get(title);
    if (ids) return ids;
    const keys = positionKeys(title);
    const exact = TitleKeys.id(this.exactIds, keys.exact);
    if (exact === this.exacts.length) this.exacts.push(keys.exact);
    ids = { exact, joined: TitleKeys.id(this.joinedIds, keys.joined) };
    if (this.ofTitle.size < TitleKeys.titlesKept) this.ofTitle.set(title, ids);
    return ids;
  }

  /** Numbers the typo keys of this exact key (once) and makes it their owner. */
  register(exact: number): void {
    if (this.typoStart.get(exact) !== -1) return;
    this.typoStart.set(exact, this.typoOfExact.length);
    for (const key of typoKeysOfExact(this.exacts[exact]!)) {
      const typo = TitleKeys.id(this.typoIds, key);
      this.typoOfExact.push(typo);
      this.ownerExact.push(exact);
      this.firstOwner.set(typo, this.ownerNext.push(this.firstOwner.get(typo)));
    }
    this.typoEnd.set(exact, this.typoOfExact.length);
  }

  /**
   * For the typo keys of this (registered) exact key, in positionKeys' order: the least `entryOf(owner)` that is not
   * -1 among the exact keys sharing the first typo key that has one; -1 when none has. (`entryOf` says where an
   * exact key was added first in the company looked at: the least is the title a map of the company's typo keys to
   * their first title would give.)
   */
  firstTypoMatch(exact: number, entryOf: (owner: number) => number): number {
    const end = this.typoEnd.get(exact);
    for (let at = this.typoStart.get(exact); at < end; at += 1) {
      let best = -1;
      for (let node = this.firstOwner.get(this.typoOfExact.get(at)); node !== -1; node = this.ownerNext.get(node)) {
        const entry = entryOf(this.ownerExact.get(node));
        if (entry !== -1 && (best === -1 || entry < best)) best = entry;
      }
      if (best !== -1) return best;
    }
    return -1;
  }
}
