/**
 * Tables of small integers in typed arrays, for the import's duplicate finder (duplicates.ts), which keeps a few
 * entries for every row of a file: a Map of objects or strings costs 50 to 150 bytes an entry and is scanned by
 * every full collection of the check thread's heap; these cost 4 to 24 bytes and are one object each.
 */

/** A growable list of 32-bit integers. */
export class IntList {
  private data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }

  push(value: number): number {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length] = value;
    return this.length++;
  }

  get(index: number): number {
    return this.data[index]!;
  }

  set(index: number, value: number): void {
    this.data[index] = value;
  }
}

/** A list of 32-bit integers indexed by a growing id, `fill` where nothing was set. */
export class IntArray {
  private data: Int32Array;

  constructor(private readonly fill: number, capacity = 1024) {
    this.data = new Int32Array(capacity).fill(fill);
  }

  get(index: number): number {
    return index < this.data.length ? this.data[index]! : this.fill;
  }

  set(index: number, value: number): void {
    if (index >= this.data.length) {
      let length = this.data.length * 2;
      while (length <= index) length *= 2;
      const grown = new Int32Array(length).fill(this.fill);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[index] = value;
  }
}

/**
 * A map from a pair of non-negative 32-bit integers to a non-negative integer, by open addressing: three integers a
 * slot (the pair and the value plus one, 0 when the slot is free), at most half the slots used. Entries are never
 * removed.
 */
export class PairMap {
  private slots = new Int32Array(3 * 1024);
  private mask = 1023;
  private size = 0;

  private static hash(a: number, b: number): number {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b ^ (b >>> 15), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  }

  /** The value of (a, b), or -1. */
  get(a: number, b: number): number {
    const slots = this.slots;
    for (let slot = PairMap.hash(a, b) & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = slot * 3;
      const stored = slots[at + 2]!;
      if (stored === 0) return -1;
      if (slots[at] === a && slots[at + 1] === b) return stored - 1;
    }
  }

  /** Sets (a, b) to `value` unless it has one already; whether it was set. */
  setIfAbsent(a: number, b: number, value: number): boolean {
    const slots = this.slots;
    for (let slot = PairMap.hash(a, b) & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = slot * 3;
      if (slots[at + 2] === 0) {
        slots[at] = a;
        slots[at + 1] = b;
        slots[at + 2] = value + 1;
        this.size += 1;
        if (this.size * 2 > this.mask + 1) this.grow();
        return true;
      }
      if (slots[at] === a && slots[at + 1] === b) return false;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = this.mask * 2 + 1;
    this.size = 0;
    for (let at = 0; at < old.length; at += 3) if (old[at + 2] !== 0) this.setIfAbsent(old[at]!, old[at + 1]!, old[at + 2]! - 1);
  }
}

/** FNV-1a of the string's UTF-16 code units: StringTable's hash (exported for its test, which needs collisions). */
export function stringHash(text: string): number {
  let h = 0x811c9dc5;
  for (let at = 0; at < text.length; at += 1) h = Math.imul(h ^ text.charCodeAt(at), 0x01000193);
  return h >>> 0;
}

/**
 * A map from strings to a non-negative integer, the strings' characters kept one after the other in one array (2
 * bytes a character, and 12 bytes an entry) instead of as strings in a Map (their headers, and the parts of a
 * string built by concatenation that V8 keeps, about 110 bytes a posting URL of 26 characters). Never removes.
 */
export class StringTable {
  private chars = new Uint16Array(16 * 1024);
  private used = 0;
  private readonly starts = new IntList();
  private readonly values = new IntList();
  /** Open addressing: the entry plus one (0 free), at most half the slots used. */
  private slots = new Int32Array(1024);
  private readonly hashes = new IntList();

  private equals(entry: number, text: string): boolean {
    const start = this.starts.get(entry);
    const end = entry + 1 < this.starts.length ? this.starts.get(entry + 1) : this.used;
    if (end - start !== text.length) return false;
    for (let at = 0; at < text.length; at += 1) if (this.chars[start + at] !== text.charCodeAt(at)) return false;
    return true;
  }

  /** The slot of `text`, or of the free slot where it would go. */
  private slotOf(text: string, hash: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const stored = this.slots[slot]!;
      if (stored === 0 || (this.hashes.get(stored - 1) === (hash | 0) && this.equals(stored - 1, text))) return slot;
    }
  }

  /** The value of `text`, or -1. */
  get(text: string): number {
    const stored = this.slots[this.slotOf(text, stringHash(text))]!;
    return stored === 0 ? -1 : this.values.get(stored - 1);
  }

  /** Sets `text` to `value` unless it has one already. */
  setIfAbsent(text: string, value: number): void {
    const hash = stringHash(text);
    const slot = this.slotOf(text, hash);
    if (this.slots[slot] !== 0) return;
    if (this.used + text.length > this.chars.length) {
      const grown = new Uint16Array(Math.max(this.chars.length * 2, this.used + text.length));
      grown.set(this.chars.subarray(0, this.used));
      this.chars = grown;
    }
    for (let at = 0; at < text.length; at += 1) this.chars[this.used + at] = text.charCodeAt(at);
    const entry = this.starts.push(this.used);
    this.used += text.length;
    this.values.push(value);
    this.hashes.push(hash | 0);
    this.slots[slot] = entry + 1;
    if ((entry + 1) * 2 > this.slots.length) this.grow();
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.starts.length; entry += 1) {
      let slot = (this.hashes.get(entry) >>> 0) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = entry + 1;
    }
    this.slots = slots;
  }
}
