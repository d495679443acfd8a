/**
 * Per-message state as a struct of typed arrays: compact in memory, structured-clonable as is, and restorable
 * without re-normalizing or re-hashing anything.
 */
import { SIGNATURE_SIZE } from './minhash';

/** How many matched message numbers a verdict keeps for replay. */
export const MAX_MATCHES = 3;

const SPEC = {
  time: [Float64Array, 1],
  hashLow: [Uint32Array, 1],
  hashHigh: [Uint32Array, 1],
  linkHash: [Uint32Array, 1],
  /** Of the raw text: a message read again with the same text needs no normalization to tell it is no edit. */
  textHash: [Uint32Array, 1],
  sender: [Int32Array, 1],
  cluster: [Uint32Array, 1],
  words: [Uint16Array, 1],
  flags: [Uint8Array, 1],
  senderCount: [Uint16Array, 1],
  templateSenders: [Uint32Array, 1],
  similarity: [Uint16Array, 1],
  matches: [Int32Array, MAX_MATCHES],
  sigs: [Uint8Array, SIGNATURE_SIZE],
} as const;

/** Column names, in a fixed order (the snapshot relies on it). */
export const COLUMN_NAMES = Object.keys(SPEC) as (keyof typeof SPEC)[];

/** The typed arrays, one entry (or `width` entries) per message. */
export type Columns = { -readonly [K in keyof typeof SPEC]: InstanceType<(typeof SPEC)[K][0]> };

/** Bits of `flags`. */
export const Flag = {
  /** The message has a signature in `sigs`. */
  hasSignature: 1,
  /** The verdict at arrival was canned (before feedback). */
  flaggable: 2,
  /** ...and the reason was `template` (else `repeat-sender`). */
  template: 4,
  /** Removed; dropped at the next compaction. */
  dead: 8,
} as const;

/** Entries per message of a column. */
export function columnWidth(name: keyof Columns): number {
  return SPEC[name][1];
}

/** Fresh zeroed columns for `capacity` messages. */
export function allocateColumns(capacity: number): Columns {
  const entries = COLUMN_NAMES.map((name) => {
    const [Type, width] = SPEC[name];
    return [name, new Type(capacity * width)];
  });
  return Object.fromEntries(entries) as Columns;
}

/** Copies the first `count` messages of `source` into new columns of `capacity` messages. */
export function resizeColumns(source: Columns, count: number, capacity: number): Columns {
  const target = allocateColumns(capacity);
  for (const name of COLUMN_NAMES) {
    const width = SPEC[name][1];
    (target[name] as Uint8Array).set((source[name] as Uint8Array).subarray(0, count * width));
  }
  return target;
}

/** Moves `count` messages from slot `from` on to slot `to` on (compaction); `to <= from`. */
export function moveMessages(columns: Columns, from: number, to: number, count = 1): void {
  for (const name of COLUMN_NAMES) {
    const width = SPEC[name][1];
    const column = columns[name] as Uint8Array;
    column.copyWithin(to * width, from * width, (from + count) * width);
  }
}

/** Total bytes of all columns. */
export function columnBytes(columns: Columns): number {
  return COLUMN_NAMES.reduce((sum, name) => sum + columns[name].byteLength, 0);
}
