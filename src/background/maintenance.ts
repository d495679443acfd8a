/**
 * History upkeep: retention after enough new messages (and at start-up), and pruning after a quota error. The
 * engine is pruned to the same edge so it never counts messages the store no longer has.
 */
import type { Db } from '../store/db';
import { appendEngineOp } from '../store/derived';
import { getMeta, setMeta } from '../store/meta';
import { pruneExpiredMutes } from '../store/mutes';
import { type PruneResult, pruneForQuota, pruneHistory } from '../store/retention';
import { loadSettings } from '../store/settings';
import { type EngineHost, saveEngineSnapshot } from './engine-host';

const QUOTA_KEY = 'quotaWarning';
// Retention runs at most this often: counting 100k messages on every batch would be wasted work.
const PRUNE_EVERY_MESSAGES = 1_000;
let addedSincePrune = Number.POSITIVE_INFINITY; // first batch of a worker life checks retention

/**
 * Prunes the engine to the store's new oldest message; `keepFrom` protects a batch not yet stored. Journaled,
 * so a restore from an older snapshot prunes the same way.
 */
async function pruneEngine(host: EngineHost, result: PruneResult, keepFrom = Number.POSITIVE_INFINITY): Promise<void> {
  const before = Math.min(result.oldestSeenAt ?? Number.POSITIVE_INFINITY, keepFrom);
  await appendEngineOp(host.db, { op: 'prune', before });
  host.engine.pruneBefore(before);
}

/** Applies settings.retention (call inside the write lock). */
export async function enforceRetention(host: EngineHost, force = false): Promise<PruneResult | undefined> {
  if (!force && addedSincePrune < PRUNE_EVERY_MESSAGES) return undefined;
  addedSincePrune = 0;
  const { retention } = await loadSettings();
  // Over the cap, prune to 95 % of it, so a full history is pruned once per few thousand messages, not per batch.
  const count = await host.db.count('messages');
  const maxMessages = count > retention.maxMessages ? Math.floor(retention.maxMessages * 0.95) : retention.maxMessages;
  const result = await pruneHistory(host.db, { ...retention, maxMessages });
  await pruneExpiredMutes(host.db);
  if (result.removed > 0) {
    await pruneEngine(host, result);
    await saveEngineSnapshot(host);
  }
  return result;
}

export function countAdded(count: number): void {
  addedSincePrune += count;
}

/**
 * After a quota error: frees space, prunes the engine to match (but keeps the pending batch, seen from
 * `pendingSeenAt`, which the engine already observed), and leaves a warning for the popup.
 */
export async function freeSpaceAfterQuota(host: EngineHost, error: Error, pendingSeenAt: number): Promise<void> {
  const result = await pruneForQuota(host.db);
  await pruneEngine(host, result, pendingSeenAt).catch(() => {
    host.engine.pruneBefore(Math.min(result.oldestSeenAt ?? Number.POSITIVE_INFINITY, pendingSeenAt));
  });
  const message = `Storage is full: removed the ${result.removed} oldest messages (${error.name}).`;
  console.warn(`[uncanned] ${message}`);
  await setMeta(host.db, QUOTA_KEY, { message, at: Date.now() }).catch(() => {});
}

export async function quotaWarning(db: Db): Promise<string | null> {
  return (await getMeta<{ message: string }>(db, QUOTA_KEY))?.message ?? null;
}

export async function clearQuotaWarning(db: Db): Promise<void> {
  await setMeta(db, QUOTA_KEY, null);
}
