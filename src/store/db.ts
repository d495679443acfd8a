/**
 * The IndexedDB schema: one DB_VERSION, one numbered upgrade step per version. Steps only add stores and
 * indexes (IndexedDB fills a new index from the existing records), so an old database keeps all its data.
 * Derived data (aggregates, the engine snapshot) carries its own format number instead (see `derived.ts`).
 */
import { type IDBPDatabase, type IDBPTransaction, openDB, type StoreNames } from 'idb';
import type { UncannedDb } from './schema';

export const DB_NAME = 'uncanned';

export type Db = IDBPDatabase<UncannedDb>;
type UpgradeTx = IDBPTransaction<UncannedDb, StoreNames<UncannedDb>[], 'versionchange'>;
type UpgradeStep = (db: Db, tx: UpgradeTx) => void;
/** A store as past steps see it: they name indexes that later steps dropped, unknown to the current schema type. */
interface PastStore {
  createIndex(name: string, keyPath: string | string[]): unknown;
  deleteIndex(name: string): void;
}
const past = (tx: UpgradeTx, name: StoreNames<UncannedDb>) => tx.objectStore(name) as unknown as PastStore;

const upgradeSteps: readonly UpgradeStep[] = [
  // v1: history, aggregates, mutes, feedback, the engine snapshot and a key-value meta store.
  (db) => {
    const messages = db.createObjectStore('messages', { keyPath: 'seq', autoIncrement: true });
    messages.createIndex('bySiteId', ['site', 'id'], { unique: true });
    messages.createIndex('bySender', ['site', 'sender']);
    messages.createIndex('byCluster', 'clusterId');
    messages.createIndex('bySeenAt', 'seenAt');
    db.createObjectStore('senders', { keyPath: ['site', 'sender'] }).createIndex('byLastSeen', 'lastSeen');
    const senderClusters = db.createObjectStore('senderClusters', { keyPath: ['clusterId', 'site', 'sender'] });
    senderClusters.createIndex('bySender', ['site', 'sender']);
    senderClusters.createIndex('byLastSeen', 'lastSeen');
    db.createObjectStore('clusters', { keyPath: 'clusterId' }).createIndex('byLastSeen', 'lastSeen');
    db.createObjectStore('mutes', { keyPath: ['site', 'sender'] });
    db.createObjectStore('feedback', { keyPath: 'key' });
    db.createObjectStore('engine', { keyPath: 'name' });
    db.createObjectStore('meta', { keyPath: 'key' });
  },
  // v2: tab summaries survive a worker restart where storage.session is missing; expired mutes are pruned by
  // index; the popup's lists read only repeats and shared templates.
  (db, tx) => {
    db.createObjectStore('tabs', { keyPath: 'tabId' });
    tx.objectStore('mutes').createIndex('byUntil', 'until');
    past(tx, 'senderClusters').createIndex('byCount', 'count');
    past(tx, 'clusters').createIndex('bySenderCount', 'senderCount');
  },
  // v3: the lists walk the top of a [count, lastSeen] index for their first page instead of sorting every row
  // (src/store/ranked.ts); it replaces the count-only indexes of v2. Their totals are kept in `counters`.
  (db, tx) => {
    db.createObjectStore('counters', { keyPath: 'key' });
    past(tx, 'senderClusters').deleteIndex('byCount');
    past(tx, 'senderClusters').createIndex('byRank', ['count', 'lastSeen']);
    past(tx, 'clusters').deleteIndex('bySenderCount');
    past(tx, 'clusters').createIndex('byRank', ['senderCount', 'lastSeen']);
  },
];

export const DB_VERSION = upgradeSteps.length;

/** Runs the steps from `oldVersion` up to `newVersion` (exported so tests can build every past version). */
export function upgradeDb(db: Db, oldVersion: number, newVersion: number, tx: UpgradeTx): void {
  for (let version = oldVersion; version < newVersion; version++) upgradeSteps[version]?.(db, tx);
}

/** Opens (and upgrades) the database. `version` below DB_VERSION is only for migration tests. */
export function openUncannedDb(name = DB_NAME, version = DB_VERSION): Promise<Db> {
  return openDB<UncannedDb>(name, version, {
    upgrade: (db, oldVersion, newVersion, tx) => upgradeDb(db, oldVersion, newVersion ?? version, tx),
    // Another context (a new extension version) wants to upgrade: let it, the next call reopens.
    blocking: (_current, _blocked, event) => (event.target as IDBDatabase).close(),
  });
}
