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
