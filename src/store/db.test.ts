import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_VERSION, type Db, openUncannedDb, upgradeDb } from './db';
import type { UncannedDb } from './schema';
import { freshDb, makeMessage } from './testing/records';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** Fills a database of `version` with one record per store that exists at that version. */
async function seed(db: Db, version: number): Promise<void> {
  await db.add('messages', makeMessage());
  await db.add('messages', makeMessage({ id: 'm2', seenAt: 2_000, time: 2_000 }));
  await db.put('senders', { site: 'x', sender: 'alice', messages: 2, canned: 1, firstSeen: 1_000, lastSeen: 2_000 });
  await db.put('senderClusters', {
    clusterId: 'c1',
    site: 'x',
    sender: 'alice',
    count: 2,
    sampleText: 'hi',
    firstSeen: 1_000,
    lastSeen: 2_000,
  });
  await db.put('clusters', { clusterId: 'c1', count: 2, senderCount: 1, sampleText: 'hi', firstSeen: 1, lastSeen: 2 });
  await db.put('mutes', { site: 'x', sender: 'bob', scope: 'all', until: 5_000, createdAt: 1 });
  await db.put('feedback', { key: 'cluster:c9', target: { kind: 'cluster', clusterId: 'c9' }, createdAt: 1 });
  await db.put('meta', { key: 'quotaWarning', value: 'full' });
  if (version >= 2)
    await db.put('tabs', {
      tabId: 4,
      site: 'x',
      url: 'u',
      recognised: true,
      read: 1,
      canned: 0,
      hidden: 0,
      updatedAt: 1,
    });
}

describe('database schema', () => {
  it('creates every store and index on a fresh database', async () => {
    const { db, cleanup } = await freshDb();
    cleanups.push(cleanup);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(
      [
        'clusters',
        'counters',
        'engine',
        'feedback',
        'messages',
        'meta',
        'mutes',
        'senderClusters',
        'senders',
        'tabs',
      ].sort(),
    );
    const tx = db.transaction(['messages', 'mutes', 'senderClusters', 'clusters']);
    expect([...tx.objectStore('messages').indexNames].sort()).toEqual(
      ['byCluster', 'bySeenAt', 'bySender', 'bySiteId'].sort(),
    );
    expect([...tx.objectStore('mutes').indexNames]).toEqual(['byUntil']);
    expect([...tx.objectStore('senderClusters').indexNames].sort()).toEqual(['byLastSeen', 'byRank', 'bySender']);
    expect([...tx.objectStore('clusters').indexNames].sort()).toEqual(['byLastSeen', 'byRank']);
  });

  it.each(Array.from({ length: DB_VERSION - 1 }, (_, index) => index + 1))(
    'upgrades a version %i database with data to the current version without losing anything',
    async (oldVersion) => {
      const { db: old, name, cleanup } = await freshDb(oldVersion);
      cleanups.push(cleanup);
      expect(old.version).toBe(oldVersion);
      await seed(old, oldVersion);
      old.close();
      const db = await openUncannedDb(name);
      expect(db.version).toBe(DB_VERSION);
      expect(await db.count('messages')).toBe(2);
      expect(await db.getFromIndex('messages', 'bySiteId', ['x', 'm2'])).toMatchObject({ seq: 2, seenAt: 2_000 });
      expect(await db.get('senders', ['x', 'alice'])).toMatchObject({ messages: 2 });
      expect(await db.get('senderClusters', ['c1', 'x', 'alice'])).toMatchObject({ count: 2 });
      expect(await db.get('clusters', 'c1')).toMatchObject({ count: 2 });
      expect(await db.get('mutes', ['x', 'bob'])).toMatchObject({ until: 5_000 });
      expect(await db.get('feedback', 'cluster:c9')).toBeDefined();
      expect(await db.get('meta', 'quotaWarning')).toMatchObject({ value: 'full' });
      // Indexes added by later steps are filled from the existing records.
      expect(await db.getAllKeysFromIndex('mutes', 'byUntil', IDBKeyRange.upperBound(6_000))).toEqual([['x', 'bob']]);
      expect(await db.getAllKeysFromIndex('senderClusters', 'byRank', IDBKeyRange.lowerBound([2]))).toEqual([
        ['c1', 'x', 'alice'],
      ]);
      expect(await db.getAllKeysFromIndex('clusters', 'byRank', IDBKeyRange.only([1, 2]))).toEqual(['c1']);
      // New records keep counting seq from where the old database stopped.
      expect(await db.add('messages', makeMessage({ id: 'm3' }))).toBe(3);
      db.close();
    },
  );

  it('runs only the steps between two versions', async () => {
    const name = `partial-${Math.random()}`;
    const db = await openDB<UncannedDb>(name, 1, { upgrade: (d, o, _n, tx) => upgradeDb(d, o, 1, tx) });
    expect(db.objectStoreNames.contains('tabs')).toBe(false);
    db.close();
    const upgraded = await openUncannedDb(name);
    expect(upgraded.objectStoreNames.contains('tabs')).toBe(true);
    upgraded.close();
  });
});
