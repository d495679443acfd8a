/**
 * MinHash signatures over character 4-grams (detection.md §6: best candidate recall per candidate on short
 * comments). Each of the `SIGNATURE_SIZE` values is kept as one byte (b-bit MinHash): two different minima
 * agree by chance with probability 1/256, which barely moves the Jaccard estimate and keeps the index small.
 */
import { mix32 } from './hash';

/** Number of hash functions, and bytes per stored signature. */
export const SIGNATURE_SIZE = 64;
/** Keys shorter than this get no signature: too few shingles for a meaningful estimate (exact hash only). */
export const MIN_SIGNATURE_CHARS = 20;

const SHINGLE = 4;
const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix32(Math.imul(i + 1, 0x9e3779b9)));
const EMPTY = 0xffffffff;
const minima = new Uint32Array(SIGNATURE_SIZE);

/** Hashes of the distinct-position character 4-grams of ` key `, one per position (duplicates are harmless). */
export function shingleHashes(key: string): Uint32Array {
  const padded = ` ${key} `;
  const count = Math.max(0, padded.length - SHINGLE + 1);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0x811c9dc5;
    for (let j = 0; j < SHINGLE; j++) h = Math.imul(h ^ padded.charCodeAt(i + j), 0x01000193);
    out[i] = mix32(h);
  }
  return out;
}

/**
 * Writes the byte signature of `key` into `out` at `offset`. Returns false (and writes nothing) when the key is
 * too short to get one. Permutation i is `x ^ seed_i` followed by a multiply-xorshift, all in 32-bit integers.
 */
export function writeSignature(key: string, out: Uint8Array, offset: number): boolean {
  if (key.length < MIN_SIGNATURE_CHARS) return false;
  const shingles = shingleHashes(key);
  minima.fill(EMPTY);
  for (let s = 0; s < shingles.length; s++) {
    const x = shingles[s] ?? 0;
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      let v = Math.imul(x ^ (SEEDS[i] ?? 0), 0x9e3779b1);
      v = (v ^ (v >>> 15)) >>> 0;
      if (v < (minima[i] ?? 0)) minima[i] = v;
    }
  }
  for (let i = 0; i < SIGNATURE_SIZE; i++) out[offset + i] = mix32(minima[i] ?? 0) & 0xff;
  return true;
}

/** Estimated Jaccard similarity of two stored byte signatures, corrected for 1/256 chance agreement. */
export function estimateJaccard(sigs: Uint8Array, a: number, b: number): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (sigs[a + i] === sigs[b + i]) same++;
  const raw = same / SIGNATURE_SIZE;
  return Math.max(0, (raw - 1 / 256) / (1 - 1 / 256));
}
