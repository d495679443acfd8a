import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from './db';
import { deleteFeedback, listFeedback, putFeedback, toFeedbackSets } from './feedback';
import { deleteMute, listMutes, pruneExpiredMutes, putMute } from './mutes';
import { freshDb } from './testing/records';

let db: Db;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ db, cleanup } = await freshDb());
});
afterEach(() => cleanup());

describe('mutes', () => {
  it('hides expired mutes on read and prunes them', async () => {
    await putMute(db, { site: 'x', sender: 'forever', scope: 'all', createdAt: 1 });
    await putMute(db, { site: 'x', sender: 'week', scope: 'canned', until: 1_000, createdAt: 1 });
    await putMute(db, { site: 'reddit', sender: 'gone', scope: 'all', until: 100, createdAt: 1 });
    expect((await listMutes(db, undefined, 500)).map((mute) => mute.sender)).toEqual(['forever', 'week']);
    expect((await listMutes(db, 'x', 2_000)).map((mute) => mute.sender)).toEqual(['forever']);
    expect(await pruneExpiredMutes(db, 2_000)).toBe(2);
    expect(await db.count('mutes')).toBe(1);
  });

  it('lists one site only and deletes', async () => {
    await putMute(db, { site: 'x', sender: 'a', scope: 'all', createdAt: 1 });
    await putMute(db, { site: 'xy', sender: 'b', scope: 'all', createdAt: 1 });
    expect((await listMutes(db, 'x')).map((mute) => mute.sender)).toEqual(['a']);
    await deleteMute(db, 'x', 'a');
    expect(await listMutes(db, 'x')).toEqual([]);
  });
});

describe('not-canned feedback', () => {
  it('stores sender and cluster feedback once each, and deletes it', async () => {
    await putFeedback(db, { kind: 'sender', site: 'x', sender: 'a' });
    await putFeedback(db, { kind: 'sender', site: 'x', sender: 'a' });
    await putFeedback(db, { kind: 'cluster', clusterId: 'c1' });
    const sets = toFeedbackSets(await listFeedback(db));
    expect([...sets.senders]).toEqual(['x:a']);
    expect([...sets.clusters]).toEqual(['c1']);
    await deleteFeedback(db, { kind: 'cluster', clusterId: 'c1' });
    expect(await listFeedback(db)).toHaveLength(1);
  });
});
