import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { writeAggregates } from './aggregates-version';
import { type Db, openUncannedDb } from './db';
import { countRepeatSenders, rankScore, topRepeatSenders, topTemplates } from './ranked';
import type { SenderClusterRecord } from './schema';
import { freshDb } from './testing/records';

const DAY = 24 * 60 * 60 * 1000;
const now = 100 * DAY;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A small seeded generator, so a failure names a reproducible case. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

async function seeded(seed: number, rows: number): Promise<{ db: Db; all: SenderClusterRecord[] }> {
  const { db, cleanup } = await freshDb();
  cleanups.push(cleanup);
  const next = random(seed);
  const all: SenderClusterRecord[] = [];
  const tx = db.transaction('senderClusters', 'readwrite');
  for (let index = 0; index < rows; index++) {
    // Few distinct counts and coarse times: many ties, the case an early stop could get wrong.
    const count = 1 + Math.floor(next() ** 3 * 12);
    const lastSeen = now - Math.floor(next() * 40) * DAY + (next() < 0.05 ? 3 * DAY : 0); // some in the future
    const row = {
      clusterId: `c${index}`,
      site: 'x',
      sender: `s${index}`,
      count,
      sampleText: 't',
      firstSeen: 0,
      lastSeen,
    };
    all.push(row);
    void tx.store.put(row);
  }
  await tx.done;
  return { db, all };
}

const scores = (rows: SenderClusterRecord[]) => rows.map((row) => rankScore(row.count, row.lastSeen, now));
/** The naive ranking: every repeat sender, sorted. */
const naive = (all: SenderClusterRecord[]) => scores(all.filter((row) => row.count >= 2)).sort((a, b) => b - a);

describe('top of the rank index', () => {
  it.each([1, 2, 3, 4])('gives the same ranking as sorting every row (seed %i)', async (seed) => {
    const { db, all } = await seeded(seed, 400);
    const expected = naive(all);
    for (const k of [0, 1, 7, 50, 120, expected.length, expected.length + 10]) {
      const top = await topRepeatSenders(db, k, now);
      expect(scores(top)).toEqual(expected.slice(0, k));
      expect(top.every((row) => row.count >= 2)).toBe(true);
      expect(new Set(top.map((row) => row.sender)).size).toBe(top.length);
    }
    expect(await countRepeatSenders(db)).toBe(expected.length);
  });

  it('pages consistently: a shorter top is a prefix of a longer one', async () => {
    const { db } = await seeded(9, 300);
    const long = await topRepeatSenders(db, 100, now);
    for (const k of [10, 50, 99]) expect(await topRepeatSenders(db, k, now)).toEqual(long.slice(0, k));
  });

  it('ranks a recent repeater above an old one with more copies', async () => {
    const { db, cleanup } = await freshDb();
    cleanups.push(cleanup);
    const row = (sender: string, count: number, lastSeen: number) =>
      db.put('senderClusters', { clusterId: sender, site: 'x', sender, count, sampleText: '', firstSeen: 0, lastSeen });
    await row('old', 6, now - 10 * 7 * DAY);
    await row('recent', 3, now);
    await row('once', 1, now);
    expect((await topRepeatSenders(db, 5, now)).map((r) => r.sender)).toEqual(['recent', 'old']);
  });

  it('lists templates from the sender threshold up', async () => {
    const { db, cleanup } = await freshDb();
    cleanups.push(cleanup);
    const cluster = (clusterId: string, senderCount: number) =>
      db.put('clusters', { clusterId, count: senderCount, senderCount, sampleText: '', firstSeen: 0, lastSeen: now });
    await Promise.all([cluster('a', 2), cluster('b', 5), cluster('c', 3)]);
    expect((await topTemplates(db, 3, 10, now)).map((c) => c.clusterId)).toEqual(['b', 'c']);
  });

  it('keeps a count until a transaction that writes the aggregates opens', async () => {
    const { db, all } = await seeded(5, 50);
    const repeats = all.filter((row) => row.count >= 2).length;
    expect(await countRepeatSenders(db)).toBe(repeats);
    const extra = { clusterId: 'new', site: 'x', sender: 'new', count: 3, sampleText: '', firstSeen: 0, lastSeen: now };
    await db.put('senderClusters', extra); // behind the cache's back: still the cached figure
    expect(await countRepeatSenders(db)).toBe(repeats);
    const tx = writeAggregates(db, ['senderClusters']);
    await Promise.all([tx.objectStore('senderClusters').put({ ...extra, sender: 'newer' }), tx.done]);
    expect(await countRepeatSenders(db)).toBe(repeats + 2);
  });

  it('keeps the count for the next worker life (a new connection) while the aggregates are unchanged', async () => {
    const { db, name, cleanup } = await freshDb();
    cleanups.push(cleanup);
    const row = { clusterId: 'c', site: 'x', sender: 'a', count: 2, sampleText: '', firstSeen: 0, lastSeen: now };
    const tx = writeAggregates(db, ['senderClusters']);
    await Promise.all([tx.objectStore('senderClusters').put(row), tx.done]);
    expect(await countRepeatSenders(db)).toBe(1);
    db.close();
    const next = await openUncannedDb(name);
    await next.put('senderClusters', { ...row, sender: 'b' }); // behind the cache's back
    expect(await countRepeatSenders(next)).toBe(1);
    const write = writeAggregates(next, ['senderClusters']);
    await Promise.all([write.objectStore('senderClusters').put({ ...row, sender: 'c' }), write.done]);
    expect(await countRepeatSenders(next)).toBe(3);
    next.close();
  });
});
