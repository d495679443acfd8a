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

/** Deletes every message seen before `cutoff` (or at it, when `inclusive`), oldest first. */
async function deleteSeenBefore(db: Db, cutoff: number, inclusive = false): Promise<number> {
  let removed = 0;
  for (;;) {
    const range = IDBKeyRange.upperBound(cutoff, !inclusive);
    const chunk = await db.getAllFromIndex('messages', 'bySeenAt', range, CHUNK);
    if (chunk.length === 0) return removed;
    await deleteMessages(db, chunk);
    removed += chunk.length;
  }
}

/**
 * Deletes at least the `count` oldest messages. Messages seen at the same moment (one batch) go together, so the
 * engine, which prunes by time, can drop exactly the same ones.
 */
async function deleteOldest(db: Db, count: number): Promise<number> {
  if (count <= 0) return 0;
  const cursor = await db.transaction('messages').store.index('bySeenAt').openKeyCursor();
  const last = count > 1 ? await cursor?.advance(count - 1) : cursor;
  const cutoff = last?.key ?? Number.POSITIVE_INFINITY;
  return deleteSeenBefore(db, cutoff, true);
}

/** Drops messages older than `maxDays`, then the oldest beyond `maxMessages`. */
export async function pruneHistory(db: Db, limits: RetentionLimits, now = Date.now()): Promise<PruneResult> {
  let removed = await deleteSeenBefore(db, now - limits.maxDays * DAY);
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
