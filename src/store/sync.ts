/**
 * Optional `storage.sync` of mutes, feedback and settings (never history). The payload is JSON split into
 * chunks that fit the per-item quota, plus a sentinel item naming the chunk count, written in one `set` call
 * (after uBO's vapi-background.js cloud storage; peers.md §5.19).
 */
import { browser } from '../shared/browser';

/** Chrome's limits: 8,192 bytes per item (key + JSON value), 102,400 in total. Firefox's are the same. */
export const syncQuota = { perItem: 8192, total: 102_400 } as const;
// Leave room under the per-item quota: the sentinel and Firefox's own accounting (uBO uses 0.6–0.75).
const CHUNK_BYTES = Math.floor(syncQuota.perItem * 0.75);
const META_KEY = 'uncanned.sync';
const chunkKey = (index: number) => `uncanned.sync.${index}`;

export interface SyncMeta {
  chunks: number;
  savedAt: number;
}

export class SyncTooLargeError extends Error {
  override name = 'SyncTooLargeError';
}

const encoder = new TextEncoder();
/** Bytes a character adds to a JSON string item (escapes included). */
const costOf = (char: string) => encoder.encode(JSON.stringify(char)).length - 2;

/** Splits `text` so that each piece, as a JSON string value, fits in `maxBytes`. Never splits a code point. */
export function splitIntoChunks(text: string, maxBytes = CHUNK_BYTES): string[] {
  const chunks: string[] = [];
  let current = '';
  let bytes = 2; // the quotes
  for (const char of text) {
    const cost = costOf(char);
    if (bytes + cost > maxBytes) {
      chunks.push(current);
      current = '';
      bytes = 2;
    }
    current += char;
    bytes += cost;
  }
  if (current !== '' || chunks.length === 0) chunks.push(current);
  return chunks;
}

/** Writes `payload`; throws SyncTooLargeError (writing nothing) when it cannot fit the total quota. */
export async function pushSync(payload: unknown, now = Date.now()): Promise<SyncMeta> {
  const chunks = splitIntoChunks(JSON.stringify(payload));
  const meta: SyncMeta = { chunks: chunks.length, savedAt: now };
  const items: Record<string, unknown> = { [META_KEY]: meta };
  chunks.forEach((chunk, index) => {
    items[chunkKey(index)] = chunk;
  });
  const total = Object.entries(items).reduce(
    (sum, [key, value]) => sum + encoder.encode(key).length + encoder.encode(JSON.stringify(value)).length,
    0,
  );
  if (total > syncQuota.total * 0.95) {
    throw new SyncTooLargeError(`Too much to sync: ${total} bytes, storage.sync holds ${syncQuota.total}`);
  }
  const previous = await readMeta();
  await browser.storage.sync.set(items);
  const stale = Array.from({ length: Math.max(0, (previous?.chunks ?? 0) - chunks.length) }, (_, index) =>
    chunkKey(chunks.length + index),
  );
  if (stale.length > 0) await browser.storage.sync.remove(stale);
  return meta;
}

async function readMeta(): Promise<SyncMeta | undefined> {
  const meta = (await browser.storage.sync.get(META_KEY))[META_KEY] as Partial<SyncMeta> | undefined;
  const isValid = typeof meta?.chunks === 'number' && typeof meta.savedAt === 'number' && meta.chunks <= 512;
  return isValid ? (meta as SyncMeta) : undefined;
}

/** The synced payload and when it was saved, or undefined if there is none or it is incomplete. */
export async function pullSync(): Promise<{ payload: unknown; meta: SyncMeta } | undefined> {
  const meta = await readMeta();
  if (!meta) return undefined;
  const keys = Array.from({ length: meta.chunks }, (_, index) => chunkKey(index));
  const items = await browser.storage.sync.get(keys);
  const parts = keys.map((key) => items[key]);
  if (!parts.every((part): part is string => typeof part === 'string')) return undefined;
  try {
    return { payload: JSON.parse(parts.join('')), meta };
  } catch {
    return undefined; // a half-written set from another device; the next change event brings the rest
  }
}

export async function clearSync(): Promise<void> {
  const meta = await readMeta();
  const keys = Array.from({ length: meta?.chunks ?? 0 }, (_, index) => chunkKey(index));
  await browser.storage.sync.remove([META_KEY, ...keys]);
}
