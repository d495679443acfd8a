/**
 * A version number of the aggregates (senders, senderClusters, clusters), kept in the `counters` store and bumped
 * inside every transaction that may write them, so figures read from them (the lists' totals) can be stored with
 * the version they were read at and trusted while it holds, across worker restarts too. Every such transaction
 * opens through `writeAggregates` (tests/conventions.test.ts checks it). `counters` is a store of its own so these
 * small reads and writes never queue behind an engine snapshot save, which holds `meta`.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import type { Db } from './db';
import type { UncannedDb } from './schema';

const VERSION_KEY = 'aggregatesVersion';

/** The `counters` store of some transaction. */
interface CountersStore {
  get(key: string): Promise<{ value: unknown } | undefined>;
}

/** The version as `counters`' transaction sees it (0 before the first aggregate write). */
export async function versionIn(counters: CountersStore): Promise<number> {
  const record = await counters.get(VERSION_KEY);
  return typeof record?.value === 'number' ? record.value : 0;
}

/** A read-write transaction over `stores` (and `counters`) whose first request bumps the version. */
export function writeAggregates<Names extends ArrayLike<StoreNames<UncannedDb>>>(
  db: Db,
  stores: Names,
): IDBPTransaction<UncannedDb, Names, 'readwrite'> {
  const scope = [...new Set([...Array.from(stores), 'counters' as const])];
  const tx = db.transaction(scope, 'readwrite');
  const counters = tx.objectStore('counters');
  // Queued before the caller's requests. If the caller's transaction aborts, so does this (and `tx.done` says so).
  void versionIn(counters)
    .then((version) => counters.put({ key: VERSION_KEY, value: version + 1 }))
    .catch(() => {});
  return tx as unknown as IDBPTransaction<UncannedDb, Names, 'readwrite'>;
}
