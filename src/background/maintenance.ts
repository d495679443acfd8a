/**
 * History upkeep: retention after enough new messages (and at start-up), and pruning after a quota error. The
 * engine is pruned to the same edge so it never counts messages the store no longer has. After batches,
 * retention runs in the background in small chunks, each its own short turn of the write lock, and waits for
 * a pause in the batches first: a full history sheds ~5,000 messages at once, which took seconds in one go.
 */
import { foldInBackground, hasPending } from '../store/aggregate-queue';
import type { Db } from '../store/db';
import { appendEngineOp } from '../store/derived';
import { getMeta, setMeta } from '../store/meta';
import { pruneExpiredMutes } from '../store/mutes';
import {
  type Cutoff,
  deleteChunk,
  oldestSeenAt,
  type PruneResult,
  pruneForQuota,
  pruneHistory,
  retentionCutoff,
} from '../store/retention';
import { loadSettings } from '../store/settings';
import { type EngineHost, saveEngineSnapshot, scheduleSnapshot } from './engine-host';
import { waitForPause } from './idle';
import { warmListTotals } from './lists';
import { withWriteLock } from './lock';

const QUOTA_KEY = 'quotaWarning';
// Retention runs at most this often: counting 100k messages on every batch would be wasted work.
const PRUNE_EVERY_MESSAGES = 1_000;
// A steady stream of batches must not let the history (or the unfolded part) grow without bound: background
// work waits this long at most.
const MAX_WAIT_MS = 2_000;
let addedSincePrune = Number.POSITIVE_INFINITY; // first batch of a worker life checks retention
let isFoldScheduled = false;
let running: Promise<void> | undefined;

/** Over the cap, prune to 95 % of it, so a full history is pruned once per few thousand messages. */
async function limitsFor(db: Db) {
  const { retention } = await loadSettings();
  const count = await db.count('messages');
  const maxMessages = count > retention.maxMessages ? Math.floor(retention.maxMessages * 0.95) : retention.maxMessages;
  return { ...retention, maxMessages };
}

/**
 * Prunes the engine to the store's new oldest message; `keepFrom` protects a batch not yet stored. Journaled,
 * so a restore from an older snapshot prunes the same way.
 */
async function pruneEngine(host: EngineHost, result: PruneResult, keepFrom = Number.POSITIVE_INFINITY): Promise<void> {
  const before = Math.min(result.oldestSeenAt ?? Number.POSITIVE_INFINITY, keepFrom);
  await appendEngineOp(host.db, { op: 'prune', before });
  host.engine.pruneBefore(before);
  host.pendingPrune = undefined;
}

/** Applies settings.retention at once (call inside the write lock). */
export async function enforceRetention(host: EngineHost, force = false): Promise<PruneResult | undefined> {
  if (!force && addedSincePrune < PRUNE_EVERY_MESSAGES) return undefined;
  addedSincePrune = 0;
  const result = await pruneHistory(host.db, await limitsFor(host.db));
  await pruneExpiredMutes(host.db);
  if (result.removed > 0) {
    await pruneEngine(host, result);
    await saveEngineSnapshot(host);
  }
  return result;
}

/**
 * Folds newly stored messages into the aggregates at the next pause (~100 ms of IndexedDB work per 500), then
 * counts the popup's lists again, so opening the popup does not wait for the count.
 */
export function foldAtPause(db: Db): void {
  if (isFoldScheduled || !hasPending(db)) return;
  isFoldScheduled = true;
  void waitForPause(MAX_WAIT_MS).then(async () => {
    isFoldScheduled = false;
    await foldInBackground(db);
    if (!isFoldScheduled) await warmListTotals(db).catch(logWarmError);
  });
}

function logWarmError(error: unknown): void {
  // A closed connection (worker shutting down): the popup counts on demand instead.
  if ((error as Error | undefined)?.name !== 'InvalidStateError')
    console.warn('[uncanned] counting the lists failed:', error);
}

/** A batch was stored: counts it and, once enough arrived, starts a background retention run. */
export function countAdded(host: EngineHost, count: number): void {
  addedSincePrune += count;
  startRetention(host);
}

function startRetention(host: EngineHost): void {
  if (addedSincePrune < PRUNE_EVERY_MESSAGES || running) return;
  addedSincePrune = 0;
  running = retainInChunks(host)
    .catch((error: unknown) => console.error('[uncanned] retention failed:', error))
    .finally(() => {
      running = undefined;
      startRetention(host); // enough batches may have arrived while this run was going
    });
}

async function retainInChunks(host: EngineHost): Promise<void> {
  await waitForPause(MAX_WAIT_MS);
  const cutoff: Cutoff = await retentionCutoff(host.db, await limitsFor(host.db));
  let removed = 0;
  for (;;) {
    await waitForPause(MAX_WAIT_MS);
    const count = await withWriteLock(async () => {
      const deleted = await deleteChunk(host.db, cutoff);
      // Journaled before the engine catches up, so a restore from an older snapshot prunes these too.
      const oldest = deleted > 0 ? await oldestSeenAt(host.db) : undefined;
      if (oldest !== undefined) await appendEngineOp(host.db, { op: 'prune', before: oldest });
      host.pendingPrune = oldest ?? host.pendingPrune;
      return deleted;
    });
    if (count === 0) break;
    removed += count;
  }
  await waitForPause(MAX_WAIT_MS);
  await withWriteLock(async () => {
    await pruneExpiredMutes(host.db);
    if (removed === 0) return;
    await pruneEngine(host, { removed, oldestSeenAt: await oldestSeenAt(host.db) });
    scheduleSnapshot(host, removed); // the snapshot clears the journal, so a restore need not prune again
  });
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
