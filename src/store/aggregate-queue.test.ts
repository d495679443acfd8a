import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AGGREGATES_FORMAT, clearAggregates, flushAggregates, rebuildAggregates } from './aggregate-queue';
import { type Db, openUncannedDb } from './db';
import { addMessages, ingestMessages } from './messages';
import { getMeta, setMeta } from './meta';
import { freshDb, makeMessage } from './testing/records';

let db: Db;
let name: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ db, name, cleanup } = await freshDb());
});
afterEach(() => cleanup());

const store = (records: ReturnType<typeof makeMessage>[]) => ingestMessages(db, records, (fresh) => fresh);

describe('aggregates folded after the batch', () => {
  it('stores a batch without its aggregates; a flush folds them and records the last folded seq', async () => {
    await addMessages(db, [makeMessage({ id: '0' })]); // the queue is loaded: the next batch only waits for a fold
    await store([makeMessage({ id: '1' }), makeMessage({ id: '2', sender: 'bob', templateSenders: 2 })]);
    expect(await db.get('senders', ['x', 'bob'])).toBeUndefined();
    expect(await flushAggregates(db)).toBe(3);
    expect(await db.get('senders', ['x', 'bob'])).toMatchObject({ messages: 1 });
    expect(await db.get('clusters', 'c1')).toMatchObject({ count: 3, senderCount: 2 });
    expect(await getMeta(db, 'aggregatesSeq')).toBe(3);
  });

  it('folds what a stopped worker left unfolded, from the messages after the watermark', async () => {
    await addMessages(db, [makeMessage({ id: '1' })]);
    await store([makeMessage({ id: '2', senderCount: 2 }), makeMessage({ id: '3', sender: 'bob' })]);
    // A new worker life: another connection, nothing in memory.
    const next = await openUncannedDb(name);
    db.close();
    db = next;
    expect(await db.get('senders', ['x', 'bob'])).toBeUndefined();
    expect(await flushAggregates(db)).toBe(3);
    expect(await db.get('senders', ['x', 'alice'])).toMatchObject({ messages: 2 });
    expect(await db.get('senderClusters', ['c1', 'x', 'alice'])).toMatchObject({ count: 2 });
    expect(await db.get('clusters', 'c1')).toMatchObject({ count: 3, senderCount: 2 });
  });

  it('never counts a message twice when a flush and a fold of the same batch race', async () => {
    await addMessages(db, [makeMessage({ id: '1' })]);
    await store([makeMessage({ id: '2', senderCount: 2 })]);
    await Promise.all([flushAggregates(db), flushAggregates(db), store([makeMessage({ id: '3', senderCount: 3 })])]);
    await flushAggregates(db);
    expect(await db.get('senders', ['x', 'alice'])).toMatchObject({ messages: 3 });
    expect(await db.get('clusters', 'c1')).toMatchObject({ count: 3 });
  });

  it('rebuilds everything when the stored format differs, and after a rebuild request', async () => {
    await addMessages(db, [makeMessage({ id: '1' }), makeMessage({ id: '2', sender: 'bob' })]);
    await db.put('senders', { site: 'x', sender: 'ghost', messages: 9, canned: 0, firstSeen: 0, lastSeen: 0 });
    await rebuildAggregates(db);
    expect(await db.get('senders', ['x', 'ghost'])).toBeUndefined();
    await setMeta(db, 'aggregatesFormat', AGGREGATES_FORMAT - 1);
    const next = await openUncannedDb(name);
    db.close();
    db = next;
    await db.put('senders', { site: 'x', sender: 'ghost', messages: 9, canned: 0, firstSeen: 0, lastSeen: 0 });
    await flushAggregates(db);
    expect(await db.get('senders', ['x', 'ghost'])).toBeUndefined();
    expect(await db.get('clusters', 'c1')).toMatchObject({ count: 2, senderCount: 2 });
    expect(await getMeta(db, 'aggregatesFormat')).toBe(AGGREGATES_FORMAT);
  });

  it('forgets pending messages when the history is cleared', async () => {
    await addMessages(db, [makeMessage({ id: '1' })]);
    await store([makeMessage({ id: '2', sender: 'bob' })]);
    await clearAggregates(db, async () => {
      const stores = ['messages', 'senders', 'senderClusters', 'clusters', 'meta'] as const;
      const tx = db.transaction(stores, 'readwrite');
      await Promise.all([...stores.map((store) => tx.objectStore(store).clear()), tx.done]);
    });
    await flushAggregates(db);
    expect(await db.count('senders')).toBe(0);
  });
});
