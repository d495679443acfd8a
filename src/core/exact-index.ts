/**
 * Exact-duplicate lookup by 64-bit hash: an open-addressed table (linear probing) holding, per distinct hash,
 * the newest message number; older copies are chained through `previous`. Typed arrays only, rebuilt on load.
 */

/** Hash table from 64-bit hash to the newest message with it. */
export class ExactIndex {
  private slots: Int32Array;
  private used = 0;
  /** For each message, the previous (older) message with the same hash, or -1. */
  previous: Int32Array;

  constructor(capacity: number) {
    this.slots = new Int32Array(sizeFor(capacity)).fill(-1);
    this.previous = new Int32Array(Math.max(16, capacity)).fill(-1);
  }

  /** Copies of the arrays for a snapshot (`previous` trimmed to `count`). */
  save(count: number): { slots: Int32Array; previous: Int32Array } {
    return { slots: this.slots.slice(), previous: this.previous.slice(0, count) };
  }

  /** An index over saved arrays, with room for `capacity` messages; `used` bounds the distinct hashes. */
  static load(saved: { slots: Int32Array; previous: Int32Array }, capacity: number, used: number): ExactIndex {
    const index = new ExactIndex(0);
    index.slots = saved.slots.slice();
    // An upper bound (every message distinct) only makes the next growth come a little early.
    index.used = used;
    index.previous = new Int32Array(Math.max(16, capacity, saved.previous.length)).fill(-1);
    index.previous.set(saved.previous);
    return index;
  }

  /** Bytes held by the typed arrays. */
  get byteLength(): number {
    return this.slots.byteLength + this.previous.byteLength;
  }

  /** Newest message with this hash, or -1. */
  find(low: Uint32Array, high: Uint32Array, hashLow: number, hashHigh: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hashLow & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot] ?? -1;
      if (id < 0 || (low[id] === hashLow && high[id] === hashHigh)) return id;
    }
  }

  /** Records message `id` as the newest with its hash; returns the previous newest (or -1). */
  insert(low: Uint32Array, high: Uint32Array, id: number): number {
    if (id >= this.previous.length) this.previous = grow(this.previous, id + 1);
    if ((this.used + 1) * 2 > this.slots.length) this.rehash(low);
    const hashLow = low[id] ?? 0;
    const mask = this.slots.length - 1;
    let slot = hashLow & mask;
    for (; ; slot = (slot + 1) & mask) {
      const other = this.slots[slot] ?? -1;
      if (other < 0) break;
      if (low[other] === hashLow && high[other] === high[id]) break;
    }
    const older = this.slots[slot] ?? -1;
    if (older < 0) this.used++;
    this.slots[slot] = id;
    this.previous[id] = older;
    return older;
  }

  private rehash(low: Uint32Array): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    for (const id of old) {
      if (id < 0) continue;
      let slot = (low[id] ?? 0) & mask;
      while ((this.slots[slot] ?? -1) >= 0) slot = (slot + 1) & mask;
      this.slots[slot] = id;
    }
  }
}

function grow(array: Int32Array, minimum: number): Int32Array {
  const grown = new Int32Array(Math.max(minimum, Math.ceil(array.length * 1.5))).fill(-1);
  grown.set(array);
  return grown;
}

function sizeFor(capacity: number): number {
  let size = 1024;
  while (size < capacity * 2) size *= 2;
  return size;
}
