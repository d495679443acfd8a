import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from './db';
import {
  addMessages,
  copiesInClusters,
  countMessages,
  deleteMessages,
  findMessages,
  forEachMessageAfter,
  forgetSenderMessages,
  lastSeq,
} from './messages';
import { freshDb, makeMessage } from './testing/records';

let db: Db;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ db, cleanup } = await freshDb());
});
afterEach(() => cleanup());

describe('message history', () => {
  it('adds a batch with its aggregates in one go', async () => {
    const added = await addMessages(db, [
      makeMessage({ id: '1', seenAt: 10 }),
      makeMessage({ id: '2', seenAt: 20, canned: true, senderName: 'Alice' }),
      makeMessage({ id: '3', sender: 'bob', seenAt: 30 }),
      makeMessage({ id: '4', sender: 'carol', clusterId: 'c2', seenAt: 40 }),
    ]);
    expect(added.map((record) => record.seq)).toEqual([1, 2, 3, 4]);
    expect(await db.get('senders', ['x', 'alice'])).toMatchObject({
      messages: 2,
      canned: 1,
      senderName: 'Alice',
      firstSeen: 10,
      lastSeen: 20,
    });
    expect(await db.get('senderClusters', ['c1', 'x', 'alice'])).toMatchObject({ count: 2 });
    expect(await db.get('clusters', 'c1')).toMatchObject({ count: 3, senderCount: 2, firstSeen: 10, lastSeen: 30 });
    // One-of-a-kind messages get no cluster rows (most messages are).
    expect(await db.get('clusters', 'c2')).toBeUndefined();
    expect(await db.get('senderClusters', ['c2', 'x', 'carol'])).toBeUndefined();
  });

  it('creates cluster rows when a second copy arrives in a later batch, then grows them', async () => {
    await addMessages(db, [makeMessage({ id: '1', seenAt: 10, text: 'first copy' })]);
    expect(await db.count('clusters')).toBe(0);
    await addMessages(db, [makeMessage({ id: '2', sender: 'bob', seenAt: 20, templateSenders: 2 })]);
    expect(await db.get('clusters', 'c1')).toMatchObject({
      count: 2,
      senderCount: 2,
      sampleText: 'first copy',
      firstSeen: 10,
      lastSeen: 20,
    });
    await addMessages(db, [
      makeMessage({ id: '3', sender: 'bob', seenAt: 30, senderName: 'Bob', senderCount: 2, templateSenders: 2 }),
    ]);
    expect(await db.get('clusters', 'c1')).toMatchObject({ count: 3, senderCount: 2, lastSeen: 30 });
    expect(await db.get('senderClusters', ['c1', 'x', 'bob'])).toMatchObject({
      count: 2,
      senderName: 'Bob',
      firstSeen: 20,
    });
  });

  it('never stores the same (site, id) twice, within a batch or across batches', async () => {
    await addMessages(db, [makeMessage({ id: '1' }), makeMessage({ id: '1' })]);
    const again = await addMessages(db, [makeMessage({ id: '1' }), makeMessage({ id: '1', site: 'reddit' })]);
    expect(again.map((record) => record.site)).toEqual(['reddit']);
    expect(await countMessages(db)).toBe(2);
    expect(await db.get('senders', ['x', 'alice'])).toMatchObject({ messages: 1 });
  });

  it('loses no update when many tabs write at once', async () => {
    const batches = Array.from({ length: 20 }, (_, tab) =>
      Array.from({ length: 25 }, (_, index) =>
        makeMessage({ id: `${tab}-${index}`, sender: `s${index % 5}`, clusterId: `c${index % 3}`, seenAt: tab }),
      ),
    );
    // Overlapping copies: every tab also re-sends tab 0's first item.
    for (const batch of batches) batch.push(makeMessage({ id: '0-0', sender: 's0', clusterId: 'c0', seenAt: 0 }));
    await Promise.all(batches.map((batch) => addMessages(db, batch)));
    expect(await countMessages(db)).toBe(500);
    const senders = await db.getAll('senders');
    expect(senders.reduce((sum, sender) => sum + sender.messages, 0)).toBe(500);
    expect(await db.get('senders', ['x', 's0'])).toMatchObject({ messages: 100 });
    const clusters = await db.getAll('clusters');
    expect(clusters.reduce((sum, cluster) => sum + cluster.count, 0)).toBe(500);
    expect(await db.get('clusters', 'c0')).toMatchObject({ senderCount: 5 });
  });

  it('finds stored messages by (site, id)', async () => {
    await addMessages(db, [makeMessage({ id: '1' }), makeMessage({ id: '2', site: 'reddit' })]);
    const found = await findMessages(db, [
      { site: 'x', id: '1' },
      { site: 'x', id: '2' },
      { site: 'reddit', id: '2' },
    ]);
    expect([...found.keys()]).toEqual(['["x","1"]', '["reddit","2"]']);
  });

  it('deletes messages and counts the aggregates down, removing empty rows', async () => {
    const added = await addMessages(db, [
      makeMessage({ id: '1' }),
      makeMessage({ id: '2' }),
      makeMessage({ id: '3', sender: 'bob' }),
    ]);
    await deleteMessages(db, added.slice(0, 1));
    expect(await db.get('senders', ['x', 'alice'])).toMatchObject({ messages: 1 });
    expect(await db.get('clusters', 'c1')).toMatchObject({ count: 2, senderCount: 2 });
    expect(await db.get('senderClusters', ['c1', 'x', 'alice'])).toMatchObject({ count: 1 });
    await deleteMessages(db, added.slice(0, 2)); // the first one again: already gone, counted once
    expect(await db.get('senders', ['x', 'alice'])).toBeUndefined();
    expect(await db.get('senders', ['x', 'bob'])).toMatchObject({ messages: 1 });
    // One message left: no longer a cluster worth a row.
    expect(await db.get('clusters', 'c1')).toBeUndefined();
    expect(await db.count('senderClusters')).toBe(0);
  });

  it('forgets every message of one sender', async () => {
    await addMessages(db, [
      makeMessage({ id: '1' }),
      makeMessage({ id: '2' }),
      makeMessage({ id: '3', sender: 'bob' }),
    ]);
    expect(await forgetSenderMessages(db, 'x', 'alice')).toBe(2);
    expect(await countMessages(db)).toBe(1);
    expect(await db.get('senders', ['x', 'alice'])).toBeUndefined();
  });

  it('replays messages after a seq in arrival order, chunk by chunk', async () => {
    await addMessages(
      db,
      Array.from({ length: 7 }, (_, index) => makeMessage({ id: String(index) })),
    );
    const seen: number[] = [];
    const last = await forEachMessageAfter(db, 2, (chunk) => seen.push(...chunk.map((r) => r.seq ?? -1)), 2);
    expect(seen).toEqual([3, 4, 5, 6, 7]);
    expect(last).toBe(7);
    expect(await lastSeq(db)).toBe(7);
  });

  it("reads a row's copies from a sender's oldest and, past the read limit, newest messages", async () => {
    const message = (index: number, clusterId: string) =>
      makeMessage({ id: `m${index}`, sender: 'bot', clusterId, seenAt: index, time: index });
    const old = Array.from({ length: 3 }, (_, index) => message(index, 'early'));
    const filler = Array.from({ length: 250 }, (_, index) => message(100 + index, 'filler'));
    const recent = Array.from({ length: 15 }, (_, index) => message(1000 + index, 'late'));
    const tx = db.transaction('messages', 'readwrite');
    await Promise.all([...[...old, ...filler, ...recent].map((record) => tx.store.add(record)), tx.done]);
    const [early, late, none] = await copiesInClusters(
      db,
      [
        { site: 'x', sender: 'bot', clusterId: 'early' },
        { site: 'x', sender: 'bot', clusterId: 'late' },
        { site: 'x', sender: 'bot', clusterId: 'missing' },
      ],
      12,
    );
    expect(early?.map((record) => record.id)).toEqual(['m0', 'm1', 'm2']);
    expect(late?.map((record) => record.id)).toEqual(recent.slice(-12).map((record) => record.id));
    expect(none).toEqual([]);
  });
});
