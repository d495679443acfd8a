/**
 * The engine, restored once per worker life: from the stored snapshot plus the messages that arrived after it,
 * or rebuilt from all messages when the snapshot is missing or of another format. Snapshots are saved after a
 * quiet period or every SNAPSHOT_EVERY messages, not per batch; the write lock is held only while the snapshot
 * is copied, never while IndexedDB writes it (see docs/benchmarks-store.md for the cost).
 */
import { createEngine, type DetectionEngine, defaultEngineConfig, type EngineConfig, FORMAT_VERSION } from '../core';
import type { Settings } from '../shared/settings';
import { getDb } from '../store/connection';
import type { Db } from '../store/db';
import { readEngineJournal } from '../store/derived';
import { listFeedback } from '../store/feedback';
import { forEachMessageAfter } from '../store/messages';
import type { FeedbackRecord, MessageRecord } from '../store/schema';
import { loadSettings } from '../store/settings';
import { loadSnapshot, saveSnapshot, snapshotSeqHint } from '../store/snapshot';
import { rebuildEngine, toObserved } from './engine-rebuild';
import { waitForPause } from './idle';
import { withWriteLock } from './lock';
import { foldAtPause } from './maintenance';

export interface EngineHost {
  db: Db;
  engine: DetectionEngine;
  /** Highest message seq the engine holds (and a snapshot would cover). */
  lastSeq: number;
  /** Messages observed since the last saved snapshot. */
  unsaved: number;
  /** The store's oldest message after a retention run the engine has not been pruned to yet. */
  pendingPrune?: number;
  /** How the engine was obtained, for diagnostics and tests. */
  origin: 'snapshot' | 'rebuild';
}

// Saving a 100k-message snapshot blocks the worker for tens of ms (docs/benchmarks-store.md); replaying 5,000
// messages on a cold start costs several times that. A quiet period covers normal browsing.
const SNAPSHOT_EVERY = 5_000;
const SNAPSHOT_QUIET_MS = 10_000;
// Copying and cloning a 100k snapshot blocks the worker for ~200 ms: wait for a pause in the batches first.
const SNAPSHOT_MAX_WAIT_MS = 5_000;

let current: Promise<EngineHost> | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;

export function toEngineConfig(detection: Settings['detection']): EngineConfig {
  return { ...defaultEngineConfig, ...detection };
}

/** The engine for this worker life (memoized; restored on first use). */
export function getEngineHost(): Promise<EngineHost> {
  if (!current) {
    current = restoreEngine();
    current.catch(() => {
      current = undefined;
    });
  }
  return current;
}

/** Forgets the in-memory engine (after a failed write or a wipe); the next use restores it from storage. */
export function dropEngine(): void {
  current = undefined;
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
}

async function restoreEngine(): Promise<EngineHost> {
  const db = await getDb();
  // Independent reads, in parallel: the messages to replay arrive while the snapshot is still being read.
  const [settings, record, journal, feedback, early] = await Promise.all([
    loadSettings(),
    loadSnapshot(db, FORMAT_VERSION),
    readEngineJournal(db),
    listFeedback(db),
    snapshotSeqHint(db).then((seq) => (seq === undefined ? undefined : readAfter(db, seq))),
  ]);
  const config = toEngineConfig(settings.detection);
  const restored = record ? tryRestore(config, record.data) : undefined;
  if (!restored || !record) return rebuild(db, config);
  const host: EngineHost = { db, engine: restored, lastSeq: record.lastSeq, unsaved: 0, origin: 'snapshot' };
  // Removals first: they undo what the snapshot holds. The messages after it are all still stored (a removal
  // deleted those it reached), and one may carry an id removed before it came (an edited message's new text).
  redoJournal(restored, journal, feedback);
  const replay = early?.seq === record.lastSeq ? early : await readAfter(db, record.lastSeq);
  for (const message of replay.messages) restored.observe(toObserved(message));
  host.unsaved = replay.messages.length;
  host.lastSeq = replay.lastSeq;
  // What the last worker left unfolded (or a rebuild after a format change) waits until after the first answer.
  foldAtPause(db);
  if (host.unsaved > 0) scheduleSnapshot(host, 0);
  return host;
}

async function readAfter(db: Db, seq: number) {
  const messages: MessageRecord[] = [];
  const lastSeq = await forEachMessageAfter(db, seq, (chunk) => messages.push(...chunk));
  return { seq, messages, lastSeq };
}

function tryRestore(config: EngineConfig, data: Parameters<typeof createEngine>[1]): DetectionEngine | undefined {
  try {
    return createEngine(config, data);
  } catch (error) {
    console.warn('[uncanned] engine snapshot unusable, rebuilding from history:', error);
    return undefined;
  }
}

async function rebuild(db: Db, config: EngineConfig): Promise<EngineHost> {
  const { engine, lastSeq } = await rebuildEngine(db, config);
  const host: EngineHost = { db, engine, lastSeq, unsaved: engine.size, origin: 'rebuild' };
  await saveEngineSnapshot(host);
  return host;
}

/** Re-applies removals a lost snapshot may not have seen (journal), and the stored feedback. */
function redoJournal(
  engine: DetectionEngine,
  journal: Awaited<ReturnType<typeof readEngineJournal>>,
  feedback: FeedbackRecord[],
): void {
  for (const entry of journal) {
    if (entry.op === 'forget') engine.forgetSender(entry.site, entry.sender);
    else if (entry.op === 'forgetMessages') engine.forgetMessages(entry.site, entry.ids);
    else if (entry.op === 'prune') engine.pruneBefore(entry.before);
    else engine.removeFeedback(entry.target);
  }
  for (const { target } of feedback) engine.addFeedback(target);
}

/**
 * Copies the engine into a snapshot and starts writing it, with the journal it covers cleared (call inside the
 * write lock). Returns once the write is committed; the lock may be released as soon as this is called.
 */
export function startSnapshotSave(host: EngineHost): Promise<void> {
  if (host.pendingPrune !== undefined) host.engine.pruneBefore(host.pendingPrune);
  host.pendingPrune = undefined;
  const written = saveSnapshot(host.db, host.engine.snapshot(), host.lastSeq);
  host.unsaved = 0;
  return written;
}

/** Saves the snapshot now and waits for the write (call inside the write lock). */
export async function saveEngineSnapshot(host: EngineHost): Promise<void> {
  await startSnapshotSave(host);
}

/** Counts `added` messages and saves a snapshot after a quiet period or once enough piled up. */
export function scheduleSnapshot(host: EngineHost, added: number): void {
  host.unsaved += added;
  if (timer !== undefined) clearTimeout(timer);
  const save = () => {
    timer = undefined;
    // Only the copy happens inside the lock; IndexedDB writes while the next batches are answered.
    const written = waitForPause(SNAPSHOT_MAX_WAIT_MS).then(() =>
      withWriteLock(async () => {
        const isCurrent = current !== undefined && (await current) === host;
        return { written: isCurrent && host.unsaved > 0 ? startSnapshotSave(host) : undefined };
      }),
    );
    void written
      .then((result) => result.written)
      .catch((error: unknown) => console.error('[uncanned] saving the engine snapshot failed:', error));
  };
  timer = setTimeout(save, host.unsaved >= SNAPSHOT_EVERY ? 0 : SNAPSHOT_QUIET_MS);
}

/** Detection settings changed: same history, new thresholds (the snapshot holds no config). */
export function reconfigureEngine(detection: Settings['detection']): Promise<void> {
  return withWriteLock(async () => {
    const host = await getEngineHost();
    host.engine = createEngine(toEngineConfig(detection), host.engine.snapshot());
  });
}
