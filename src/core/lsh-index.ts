/**
 * LSH banding over the byte signatures of `minhash.ts`, in typed arrays only: one open-addressed table of chain
 * heads shared by all bands, and one `next` link per (message, band). A band key is the band's 4 signature bytes
 * read as one 32-bit word, so nothing but the signatures needs storing; a chain may mix keys that collide on a
 * slot, so every entry is checked against the query's band word before it is reported.
 */
import { mix32 } from './hash';
import { SIGNATURE_SIZE } from './minhash';

/** Rows (signature bytes) per band: 4 rows put the S-curve midpoint near Jaccard 0.5 (detection.md §6). */
export const BAND_ROWS = 4;
/** Bands per signature. */
export const BANDS = SIGNATURE_SIZE / BAND_ROWS;
/** Entries examined per band and query, so a hot template bucket cannot make one lookup slow. */
export const MAX_CHAIN = 64;
/** Average chain entries per head slot before the head table doubles (memory vs walk length). */
const MAX_LOAD = 4;

const SALTS = Uint32Array.from({ length: BANDS }, (_, band) => Math.imul(band + 1, 0x9e3779b9));

/** Saved form of an `LshIndex`. */
export interface LshState {
  readonly heads: Int32Array;
  readonly next: Int32Array;
  readonly entries: number;
}

/** Candidate index over message numbers whose signatures live in a shared `Uint8Array`. */
export class LshIndex {
  private heads: Int32Array;
  private next: Int32Array;
  private entries = 0;
  private words: Uint32Array<ArrayBufferLike> = new Uint32Array(0);

  constructor(capacity: number) {
    this.heads = new Int32Array(tableSizeFor(capacity)).fill(-1);
    this.next = new Int32Array(Math.max(16, capacity) * BANDS);
  }

  /** The typed arrays for a snapshot (copies, `next` trimmed to `count` messages). */
  save(count: number): LshState {
    return { heads: this.heads.slice(), next: this.next.slice(0, count * BANDS), entries: this.entries };
  }

  /** An index over saved arrays, with room for `capacity` messages; throws if they do not fit together. */
  static load(state: LshState, capacity: number): LshIndex {
    const index = new LshIndex(0);
    const isValid =
      state.heads instanceof Int32Array &&
      state.next instanceof Int32Array &&
      (state.heads.length & (state.heads.length - 1)) === 0 &&
      state.next.length <= capacity * BANDS &&
      Number.isInteger(state.entries);
    if (!isValid) throw new Error('Engine snapshot LSH index is damaged');
    index.heads = state.heads.slice();
    index.next = new Int32Array(Math.max(16, capacity) * BANDS);
    index.next.set(state.next);
    index.entries = state.entries;
    return index;
  }

  /** Bytes held by the typed arrays. */
  get byteLength(): number {
    return this.heads.byteLength + this.next.byteLength;
  }

  /** Adds message `id` (signature at `id * SIGNATURE_SIZE` in `sigs`). Ids must be added in increasing order. */
  insert(sigs: Uint8Array, id: number): void {
    if ((id + 1) * BANDS > this.next.length) this.next = grow(this.next, (id + 1) * BANDS);
    if (this.entries + BANDS > this.heads.length * MAX_LOAD) this.rehash(sigs);
    const words = this.wordsOf(sigs);
    const mask = this.heads.length - 1;
    const base = id * BANDS;
    for (let band = 0; band < BANDS; band++) {
      const slot = mix32((words[base + band] ?? 0) ^ (SALTS[band] ?? 0)) & mask;
      this.next[base + band] = this.heads[slot] ?? -1;
      this.heads[slot] = base + band;
    }
    this.entries += BANDS;
  }

  /**
   * Calls `visit` once per indexed message sharing at least one band with message `query`'s signature, newest
   * first within each band. `visited` collects the ids already reported (pass an empty set).
   */
  forEachCandidate(sigs: Uint8Array, query: number, visited: Set<number>, visit: (id: number) => void): void {
    const words = this.wordsOf(sigs);
    const mask = this.heads.length - 1;
    for (let band = 0; band < BANDS; band++) {
      const word = words[query * BANDS + band] ?? 0;
      let entry = this.heads[mix32(word ^ (SALTS[band] ?? 0)) & mask] ?? -1;
      for (let steps = 0; entry >= 0 && steps < MAX_CHAIN; steps++) {
        const id = (entry / BANDS) | 0;
        if (entry - id * BANDS === band && words[entry] === word && !visited.has(id)) {
          visited.add(id);
          visit(id);
        }
        entry = this.next[entry] ?? -1;
      }
    }
  }

  /** A 32-bit view of the signature bytes (one word per band), cached while the buffer stays the same. */
  private wordsOf(sigs: Uint8Array): Uint32Array<ArrayBufferLike> {
    if (this.words.buffer !== sigs.buffer)
      this.words = new Uint32Array(sigs.buffer, sigs.byteOffset, sigs.length >>> 2);
    return this.words;
  }

  private rehash(sigs: Uint8Array): void {
    const ids: number[] = [];
    for (let slot = 0; slot < this.heads.length; slot++) {
      for (let entry = this.heads[slot] ?? -1; entry >= 0; entry = this.next[entry] ?? -1) {
        if (entry % BANDS === 0) ids.push(entry / BANDS);
      }
    }
    ids.sort((a, b) => a - b);
    this.heads = new Int32Array(this.heads.length * 2).fill(-1);
    this.entries = 0;
    for (const id of ids) this.insert(sigs, id);
  }
}

function grow(array: Int32Array, minimum: number): Int32Array {
  const grown = new Int32Array(Math.max(minimum, Math.ceil(array.length * 1.5)));
  grown.set(array);
  return grown;
}

/** Head-table size: a power of two with one to `MAX_LOAD` chain entries per slot. */
function tableSizeFor(capacity: number): number {
  let size = 1024;
  while (size * MAX_LOAD < capacity * BANDS) size *= 2;
  return size;
}
