/**
 * LSH banding over the byte signatures of `minhash.ts`, in typed arrays only: one open-addressed table of chain
 * heads shared by all bands, and one `next` link per (message, band). A band key is the band's 4 signature bytes,
 * so nothing but the signatures needs storing; a chain may mix keys that collide on a slot, so every entry is
 * checked against the query's band bytes before it is reported.
 */
import { mix32 } from './hash';
import { SIGNATURE_SIZE } from './minhash';

/** Rows (signature bytes) per band: 4 rows put the S-curve midpoint near Jaccard 0.5 (detection.md §6). */
export const BAND_ROWS = 4;
/** Bands per signature. */
export const BANDS = SIGNATURE_SIZE / BAND_ROWS;
/** Newest entries examined per band, so a hot template bucket cannot make one lookup slow. */
export const MAX_CHAIN = 64;

function bandKey(sigs: Uint8Array, offset: number, band: number): number {
  const at = offset + band * BAND_ROWS;
  const key = (sigs[at] ?? 0) | ((sigs[at + 1] ?? 0) << 8) | ((sigs[at + 2] ?? 0) << 16) | ((sigs[at + 3] ?? 0) << 24);
  return mix32(key ^ Math.imul(band + 1, 0x9e3779b9));
}

function sameBand(sigs: Uint8Array, a: number, b: number, band: number): boolean {
  const start = band * BAND_ROWS;
  for (let i = start; i < start + BAND_ROWS; i++) if (sigs[a + i] !== sigs[b + i]) return false;
  return true;
}

/** Candidate index over message numbers whose signatures live in a shared `Uint8Array`. */
export class LshIndex {
  private heads: Int32Array;
  private next: Int32Array;
  private entries = 0;

  constructor(capacity: number) {
    this.heads = new Int32Array(tableSizeFor(capacity)).fill(-1);
    this.next = new Int32Array(Math.max(16, capacity) * BANDS);
  }

  /** Bytes held by the typed arrays. */
  get byteLength(): number {
    return this.heads.byteLength + this.next.byteLength;
  }

  /** Adds message `id` (its signature at `id * SIGNATURE_SIZE` in `sigs`). Ids must grow or be re-added after `clear`. */
  insert(sigs: Uint8Array, id: number): void {
    this.reserve(sigs, id + 1);
    const mask = this.heads.length - 1;
    for (let band = 0; band < BANDS; band++) {
      const slot = bandKey(sigs, id * SIGNATURE_SIZE, band) & mask;
      this.next[id * BANDS + band] = this.heads[slot] ?? -1;
      this.heads[slot] = id * BANDS + band;
    }
    this.entries += BANDS;
  }

  /**
   * Calls `visit` once per indexed message sharing at least one band with the signature at `offset`, newest
   * first within each band. `seen` (indexed by message id) and `stamp` deduplicate across bands.
   */
  forEachCandidate(
    sigs: Uint8Array,
    offset: number,
    seen: Int32Array,
    stamp: number,
    visit: (id: number) => void,
  ): void {
    const mask = this.heads.length - 1;
    for (let band = 0; band < BANDS; band++) {
      let entry = this.heads[bandKey(sigs, offset, band) & mask] ?? -1;
      for (let steps = 0; entry >= 0 && steps < MAX_CHAIN; steps++) {
        const id = (entry / BANDS) | 0;
        if (entry - id * BANDS === band && seen[id] !== stamp && sameBand(sigs, id * SIGNATURE_SIZE, offset, band)) {
          seen[id] = stamp;
          visit(id);
        }
        entry = this.next[entry] ?? -1;
      }
    }
  }

  /** Empties the index, keeping room for `capacity` messages. */
  clear(capacity: number): void {
    this.heads = new Int32Array(tableSizeFor(capacity)).fill(-1);
    this.next = new Int32Array(Math.max(16, capacity) * BANDS);
    this.entries = 0;
  }

  private reserve(sigs: Uint8Array, count: number): void {
    if (count * BANDS > this.next.length) {
      const grown = new Int32Array(Math.max(count * BANDS, Math.ceil(this.next.length * 1.5)));
      grown.set(this.next);
      this.next = grown;
    }
    // Keep at most two entries per head slot on average; rehashing needs only the stored signatures.
    if (this.entries + BANDS > this.heads.length * 2) this.rehash(sigs);
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

/** Head-table size: a power of two with about two chain entries per slot. */
function tableSizeFor(capacity: number): number {
  let size = 1024;
  while (size * 2 < capacity * BANDS) size *= 2;
  return size;
}
