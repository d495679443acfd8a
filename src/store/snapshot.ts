/**
 * The engine snapshot. It is derived data: a snapshot written by another engine format is ignored (the host
 * rebuilds the engine from the messages), never migrated.
 */
import type { EngineSnapshot } from '../core/api';
import type { Db } from './db';
import { JOURNAL_KEY } from './derived';
import { getMeta } from './meta';
import type { SnapshotRecord } from './schema';

/**
 * The snapshot's `lastSeq` again, in a tiny record: a cold start reads it first and fetches the messages to
 * replay while the big snapshot record is still being read.
 */
const SNAPSHOT_SEQ_KEY = 'snapshotSeq';

export async function snapshotSeqHint(db: Db): Promise<number | undefined> {
  return getMeta<number>(db, SNAPSHOT_SEQ_KEY);
}

export async function loadSnapshot(db: Db, formatVersion: number): Promise<SnapshotRecord | undefined> {
  const record = await db.get('engine', 'engine');
  return record && record.formatVersion === formatVersion && record.data.formatVersion === formatVersion
    ? record
    : undefined;
}

/**
 * Saves the snapshot and empties the engine journal it now covers, in one transaction. The value is copied
 * (structured clone) before this returns, so the engine may change at once; the returned promise settles when
 * the write is committed. Later journal entries are written after it: IndexedDB orders the transactions.
 */
export function saveSnapshot(db: Db, data: EngineSnapshot, lastSeq: number, now = Date.now()): Promise<void> {
  const tx = db.transaction(['engine', 'meta'], 'readwrite');
  const record: SnapshotRecord = { name: 'engine', formatVersion: data.formatVersion, lastSeq, savedAt: now, data };
  return Promise.all([
    tx.objectStore('engine').put(record),
    tx.objectStore('meta').put({ key: JOURNAL_KEY, value: [] }),
    tx.objectStore('meta').put({ key: SNAPSHOT_SEQ_KEY, value: lastSeq }),
    tx.done,
  ]).then(() => undefined);
}

export async function deleteSnapshot(db: Db): Promise<void> {
  await db.delete('engine', 'engine');
}
