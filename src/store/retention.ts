/**
 * Retention: history is capped by age and by count, oldest first. Mutes and feedback are never pruned here.
 * The cut always falls between two seen-at times (one batch shares one), so the engine, which prunes by time,
 * drops exactly the same messages; the deleting itself goes in small chunks, each a short transaction.
 */
import type { Db } from './db';
import { countMessages, deleteMessages } from './messages';

export interface RetentionLimits {
  maxMessages: number;
  maxDays: number;
}

export interface PruneResult {
  removed: number;
  /**
   * `seenAt` of the oldest message left, or undefined when none is. Everything older is gone, so the engine is
   * pruned with `pruneBefore(oldestSeenAt)`; this also drops anything a lost snapshot kept (self-healing).
   */
  oldestSeenAt: number | undefined;
}

/** Delete every message seen before `at` (or at it, when `isInclusive`). */
export interface Cutoff {
  at: number;
  isInclusive: boolean;
}

const DAY = 24 * 60 * 60 * 1000;
const CHUNK = 100;

/** Where `limits` cut the history: the age limit, or the `count`-th oldest message's time if that is later. */
export async function retentionCutoff(db: Db, limits: RetentionLimits, now = Date.now()): Promise<Cutoff> {
  const byAge: Cutoff = { at: now - limits.maxDays * DAY, isInclusive: false };
  const total = await countMessages(db);
  if (total <= limits.maxMessages) return byAge;
  const byCount = await oldestCutoff(db, total - limits.maxMessages);
  return byCount.at >= byAge.at ? byCount : byAge;
}

/** Cutoff that removes at least the `count` oldest messages. */
async function oldestCutoff(db: Db, count: number): Promise<Cutoff> {
  const cursor = await db.transaction('messages').store.index('bySeenAt').openKeyCursor();
  const last = count > 1 ? await cursor?.advance(count - 1) : cursor;
  return { at: last?.key ?? Number.POSITIVE_INFINITY, isInclusive: true };
}

/** Deletes up to `size` of the oldest messages inside `cutoff`. Returns how many went; 0 means none is left. */
export async function deleteChunk(db: Db, cutoff: Cutoff, size = CHUNK): Promise<number> {
  const range = IDBKeyRange.upperBound(cutoff.at, !cutoff.isInclusive);
  const chunk = await db.getAllFromIndex('messages', 'bySeenAt', range, size);
  if (chunk.length > 0) await deleteMessages(db, chunk);
  return chunk.length;
}

async function deleteInside(db: Db, cutoff: Cutoff): Promise<number> {
  let removed = 0;
  for (;;) {
    const count = await deleteChunk(db, cutoff);
    if (count === 0) return removed;
    removed += count;
  }
}

/** Drops messages older than `maxDays` and the oldest beyond `maxMessages`, all at once. */
export async function pruneHistory(db: Db, limits: RetentionLimits, now = Date.now()): Promise<PruneResult> {
  const removed = await deleteInside(db, await retentionCutoff(db, limits, now));
  return { removed, oldestSeenAt: await oldestSeenAt(db) };
}

/** After a quota error: frees a tenth of the history (at least 100 messages), oldest first. */
export async function pruneForQuota(db: Db): Promise<PruneResult> {
  const total = await countMessages(db);
  const removed = await deleteInside(db, await oldestCutoff(db, Math.max(100, Math.ceil(total / 10))));
  return { removed, oldestSeenAt: await oldestSeenAt(db) };
}

export async function oldestSeenAt(db: Db): Promise<number | undefined> {
  const cursor = await db.transaction('messages').store.index('bySeenAt').openKeyCursor();
  return cursor?.key;
}
