/** Retention: history is capped by age and by count, oldest first. Mutes and feedback are never pruned here. */
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

const DAY = 24 * 60 * 60 * 1000;
// Deleting in chunks keeps each transaction short, so classify batches are not held up for long.
const CHUNK = 2000;

async function deleteOldest(db: Db, count: number, before = Infinity): Promise<number> {
  let removed = 0;
  while (removed < count) {
    const range = Number.isFinite(before) ? IDBKeyRange.upperBound(before, true) : null;
    const chunk = await db.getAllFromIndex('messages', 'bySeenAt', range, Math.min(CHUNK, count - removed));
    if (chunk.length === 0) break;
    await deleteMessages(db, chunk);
    removed += chunk.length;
  }
  return removed;
}

/** Drops messages older than `maxDays`, then the oldest beyond `maxMessages`. */
export async function pruneHistory(db: Db, limits: RetentionLimits, now = Date.now()): Promise<PruneResult> {
  const ageCutoff = now - limits.maxDays * DAY;
  let removed = await deleteOldest(db, Infinity, ageCutoff);
  const total = await countMessages(db);
  if (total > limits.maxMessages) removed += await deleteOldest(db, total - limits.maxMessages);
  return { removed, oldestSeenAt: await oldestSeenAt(db) };
}

/** After a quota error: frees a tenth of the history (at least 100 messages), oldest first. */
export async function pruneForQuota(db: Db): Promise<PruneResult> {
  const total = await countMessages(db);
  const removed = await deleteOldest(db, Math.max(100, Math.ceil(total / 10)));
  return { removed, oldestSeenAt: await oldestSeenAt(db) };
}

export async function oldestSeenAt(db: Db): Promise<number | undefined> {
  const cursor = await db.transaction('messages').store.index('bySeenAt').openKeyCursor();
  return cursor?.key;
}
