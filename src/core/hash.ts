/**
 * Non-cryptographic hashing with `Math.imul` and `>>> 0` only: products of 32-bit values taken as doubles
 * lose precision above 2^53 (detection.md §6), so every multiplication here stays in 32-bit integer space.
 */

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

/** MurmurHash3 finalizer: spreads every input bit over the whole 32-bit word. */
export function mix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * MurmurHash3-style 32-bit hash of a string, one block per Unicode code point (not per UTF-16 unit), so the
 * value depends only on the code points and a surrogate pair hashes as one character.
 */
export function hash32(text: string, seed: number): number {
  let h = seed >>> 0;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    let k = text.codePointAt(i) ?? 0;
    if (k > 0xffff) i++;
    k = Math.imul(k, C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, C2);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
    count++;
  }
  return mix32(h ^ count);
}

/** A 64-bit hash as two independent 32-bit lanes (different seeds), both unsigned. */
export interface Hash64 {
  readonly low: number;
  readonly high: number;
}

/** 64-bit hash: two independent seeded lanes of `hash32`. */
export function hash64(text: string): Hash64 {
  return { low: hash32(text, 0x9747b28c), high: hash32(text, 0x5bd1e995) };
}

/**
 * Folds a 64-bit hash into a safe integer (53 bits) usable as a `Map` key or table probe; callers compare
 * both full lanes before trusting a hit.
 */
export function hashKey(hash: Hash64): number {
  return (hash.high >>> 11) * 0x100000000 + hash.low;
}
