/**
 * A version number of the aggregates (senders, senderClusters, clusters), kept in `meta` and bumped inside every
 * transaction that may write them, so figures read from them (the lists' totals) can be stored with the version
 * they were read at and trusted while it holds, across worker restarts too. Every such transaction opens through
 * `writeAggregates` (tests/conventions.test.ts checks it).
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import type { Db } from './db';
import type { UncannedDb } from './schema';

export const VERSION_KEY = 'aggregatesVersion';

/** The `meta` store of some transaction. */
interface MetaStore {
  get(key: string): Promise<{ value: unknown } | undefined>;
}

/** The version as `meta`'s transaction sees it (0 before the first write, and after "clear all data"). */
export async function versionIn(meta: MetaStore): Promise<number> {
  const record = await meta.get(VERSION_KEY);
  return typeof record?.value === 'number' ? record.value : 0;
}

/** A read-write transaction over `stores` (and `meta`) whose first request bumps the version. */
export function writeAggregates<Names extends ArrayLike<StoreNames<UncannedDb>>>(
  db: Db,
  stores: Names,
): IDBPTransaction<UncannedDb, Names, 'readwrite'> {
  const scope = [...new Set([...Array.from(stores), 'meta' as const])];
  const tx = db.transaction(scope, 'readwrite');
  const meta = tx.objectStore('meta');
  // Queued before the caller's requests; a failure aborts the caller's transaction with it, as it should.
  void versionIn(meta).then((version) => meta.put({ key: VERSION_KEY, value: version + 1 }));
  return tx as unknown as IDBPTransaction<UncannedDb, Names, 'readwrite'>;
}
