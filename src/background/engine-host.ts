/**
 * The engine, restored once per worker life: from the stored snapshot plus the messages that arrived after it,
 * or rebuilt from all messages when the snapshot is missing or of another format. Snapshots are saved after a
 * quiet period or every SNAPSHOT_EVERY messages, not per batch (see docs/benchmarks-store.md for the cost).
 */
import { createEngine, type DetectionEngine, defaultEngineConfig, type EngineConfig, FORMAT_VERSION } from '../core';
import type { Settings } from '../shared/settings';
import { getDb } from '../store/connection';
import type { Db } from '../store/db';
import { clearEngineJournal, hasCurrentAggregates, readEngineJournal, rebuildAggregates } from '../store/derived';
import { listFeedback } from '../store/feedback';
import { forEachMessageAfter } from '../store/messages';
import { loadSettings } from '../store/settings';
import { loadSnapshot, saveSnapshot } from '../store/snapshot';
import { rebuildEngine, toObserved } from './engine-rebuild';
import { withWriteLock } from './lock';

export interface EngineHost {
  db: Db;
  engine: DetectionEngine;
  /** Highest message seq the engine holds (and a snapshot would cover). */
  lastSeq: number;
  /** Messages observed since the last saved snapshot. */
  unsaved: number;
  /** How the engine was obtained, for diagnostics and tests. */
  origin: 'snapshot' | 'rebuild';
}

// Saving a 100k-message snapshot costs ~300 ms (docs/benchmarks-store.md); replaying 5,000 messages on a cold
// start costs about as much again. A quiet period covers normal browsing.
const SNAPSHOT_EVERY = 5_000;
const SNAPSHOT_QUIET_MS = 10_000;

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
  const config = toEngineConfig((await loadSettings()).detection);
  const record = await loadSnapshot(db, FORMAT_VERSION);
  const restored = record ? tryRestore(config, record.data) : undefined;
  if (!restored || !record) return rebuild(db, config);
  const host: EngineHost = { db, engine: restored, lastSeq: record.lastSeq, unsaved: 0, origin: 'snapshot' };
  host.lastSeq = await forEachMessageAfter(db, record.lastSeq, (chunk) => {
    for (const message of chunk) restored.observe(toObserved(message));
    host.unsaved += chunk.length;
  });
  await redoJournal(host);
  if (!(await hasCurrentAggregates(db))) await rebuildAggregates(db);
  if (host.unsaved > 0) scheduleSnapshot(host, 0);
  return host;
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
async function redoJournal(host: EngineHost): Promise<void> {
  const { db, engine } = host;
  for (const entry of await readEngineJournal(db)) {
    if (entry.op === 'forget') engine.forgetSender(entry.site, entry.sender);
    else if (entry.op === 'prune') engine.pruneBefore(entry.before);
    else engine.removeFeedback(entry.target);
  }
  for (const { target } of await listFeedback(db)) engine.addFeedback(target);
}

/** Saves the snapshot now (call inside the write lock). Clears the journal the snapshot now covers. */
export async function saveEngineSnapshot(host: EngineHost): Promise<void> {
  await saveSnapshot(host.db, host.engine.snapshot(), host.lastSeq);
  await clearEngineJournal(host.db);
  host.unsaved = 0;
}

/** Counts `added` messages and saves a snapshot after a quiet period or once enough piled up. */
export function scheduleSnapshot(host: EngineHost, added: number): void {
  host.unsaved += added;
  if (timer !== undefined) clearTimeout(timer);
  const save = () => {
    timer = undefined;
    void withWriteLock(async () => {
      if (current && (await current) === host && host.unsaved > 0) await saveEngineSnapshot(host);
    }).catch((error: unknown) => console.error('[uncanned] saving the engine snapshot failed:', error));
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
