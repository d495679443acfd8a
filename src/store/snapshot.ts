/**
 * The engine snapshot. It is derived data: a snapshot written by another engine format is ignored (the host
 * rebuilds the engine from the messages), never migrated.
 */
import type { EngineSnapshot } from '../core/api';
import type { Db } from './db';
import type { SnapshotRecord } from './schema';

export async function loadSnapshot(db: Db, formatVersion: number): Promise<SnapshotRecord | undefined> {
  const record = await db.get('engine', 'engine');
  return record && record.formatVersion === formatVersion && record.data.formatVersion === formatVersion
    ? record
    : undefined;
}

export async function saveSnapshot(db: Db, data: EngineSnapshot, lastSeq: number, now = Date.now()): Promise<void> {
  await db.put('engine', { name: 'engine', formatVersion: data.formatVersion, lastSeq, savedAt: now, data });
}

export async function deleteSnapshot(db: Db): Promise<void> {
  await db.delete('engine', 'engine');
}
