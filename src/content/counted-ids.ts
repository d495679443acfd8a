/**
 * Remembers, in a fixed 32 kB, which message ids were already counted on this page after their entry left the
 * page's memory (verdicts.ts drops ids no longer shown). A virtualized feed scrolled back re-creates them, and
 * without this each would be counted again. A Bloom filter: it never forgets an id (so nothing is counted twice),
 * and it may wrongly claim one it never held (that message goes uncounted): about 1 in 100 at 20,000 dropped ids
 * and 1 in 8 at 60,000, against memory that stays the same however long the feed is scrolled.
 */
import { fnv1a } from './read-text';

const bits = 1 << 18;
const probes = 3;

export class CountedIds {
  /** Allocated on the first add: most pages never drop an id they counted. */
  private words: Uint32Array | undefined;

  add(key: string): void {
    this.words ??= new Uint32Array(bits / 32);
    const words = this.words;
    for (const bit of this.bitsOf(key)) words[bit >>> 5] = (words[bit >>> 5] ?? 0) | (1 << (bit & 31));
  }

  has(key: string): boolean {
    const words = this.words;
    if (!words) return false; // the usual case: no hashing on the hot path
    for (const bit of this.bitsOf(key)) if (((words[bit >>> 5] ?? 0) & (1 << (bit & 31))) === 0) return false;
    return true;
  }

  clear(): void {
    this.words = undefined;
  }

  private bitsOf(key: string): number[] {
    // Two seeds give the two hashes the probes are derived from.
    const first = fnv1a(key);
    const second = fnv1a(key, 0x050c5d1f) | 1; // odd: the probes never coincide
    const positions: number[] = [];
    for (let i = 0; i < probes; i++) positions.push((first + Math.imul(i, second)) & (bits - 1));
    return positions;
  }
}
