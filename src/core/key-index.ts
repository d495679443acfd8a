/**
 * String-keyed lookup as an open-addressed `Int32Array` (linear probing) of entry numbers: the keys stay in the
 * caller's arrays and are compared on probe, so the table itself is a plain typed array that a snapshot can
 * carry and a restore can copy, instead of re-hashing 100k strings into a `Map`.
 */
import { hash32 } from './hash';

const SEED = 0x1b873593;

/** Hash of a lookup key. */
export function keyHash(key: string): number {
  return hash32(key, SEED);
}

/** Entry numbers by key hash; `isMatch(entry)` tells the caller's key apart on collisions. */
export class KeyIndex {
  private slots: Int32Array;
  private used = 0;

  /** A new table, or one over saved `slots` holding `used` entries. */
  constructor(capacity: number, slots?: Int32Array, used = 0) {
    this.slots = slots ?? new Int32Array(sizeFor(capacity)).fill(-1);
    this.used = used;
  }

  /** A copy of the table, for a snapshot. */
  save(): Int32Array {
    return this.slots.slice();
  }

  /** Bytes of the table. */
  get byteLength(): number {
    return this.slots.byteLength;
  }

  /** Entry with this hash for which `isMatch` holds, or -1. */
  find(hash: number, isMatch: (entry: number) => boolean): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] ?? -1;
      if (entry < 0) return -1;
      if (isMatch(entry)) return entry;
    }
  }

  /** Adds an entry (its key must not be present). `hashOf` re-hashes existing entries when the table grows. */
  insert(hash: number, entry: number, hashOf: (entry: number) => number): void {
    if ((this.used + 1) * 2 > this.slots.length) this.grow(hashOf);
    this.place(hash, entry);
    this.used++;
  }

  private place(hash: number, entry: number): void {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while ((this.slots[slot] ?? -1) >= 0) slot = (slot + 1) & mask;
    this.slots[slot] = entry;
  }

  private grow(hashOf: (entry: number) => number): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2).fill(-1);
    for (const entry of old) if (entry >= 0) this.place(hashOf(entry), entry);
  }
}

/** Table size for `capacity` entries at a load of at most one half. */
function sizeFor(capacity: number): number {
  let size = 256;
  while (size < capacity * 2) size *= 2;
  return size;
}

/** Validates a saved table: a power-of-two `Int32Array`. */
export function isKeyTable(value: unknown): value is Int32Array {
  return value instanceof Int32Array && value.length >= 1 && (value.length & (value.length - 1)) === 0;
}
