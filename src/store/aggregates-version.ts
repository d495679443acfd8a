/**
 * A per-connection number bumped whenever a transaction that may write the aggregates (senders, senderClusters,
 * clusters) opens, so figures read from them, such as the lists' totals, can be cached until the next write.
 * Every such transaction opens through `writeAggregates` (tests/conventions.test.ts checks it).
 */
import type { StoreNames } from 'idb';
import type { Db } from './db';
import type { UncannedDb } from './schema';

const versions = new WeakMap<Db, number>();

export const aggregatesVersion = (db: Db): number => versions.get(db) ?? 0;

export function writeAggregates<Names extends ArrayLike<StoreNames<UncannedDb>>>(db: Db, stores: Names) {
  // Bumped before the transaction exists: a read started after this sees the write (IndexedDB orders them), and
  // one started before it is not cached (its version is stale by the time it answers).
  versions.set(db, aggregatesVersion(db) + 1);
  return db.transaction(stores, 'readwrite');
}
