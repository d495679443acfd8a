import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from './db';
import { appendEngineOp, readEngineJournal } from './derived';
import { putFeedback } from './feedback';
import { addMessages, countMessages } from './messages';
import { putMute } from './mutes';
import { isQuotaError, withQuotaRetry } from './quota';
import { deleteChunk, pruneForQuota, pruneHistory, retentionCutoff } from './retention';
import { freshDb, makeMessage } from './testing/records';

const DAY = 86_400_000;
let db: Db;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ db, cleanup } = await freshDb());
});
afterEach(() => {
  vi.restoreAllMocks();
  return cleanup();
});

const history = (count: number, start = 0) =>
  Array.from({ length: count }, (_, index) => makeMessage({ id: `m${start + index}`, seenAt: (start + index) * DAY }));

describe('retention', () => {
  it('drops the oldest messages beyond the cap and keeps mutes and feedback', async () => {
    await addMessages(db, history(1_200));
    await putMute(db, { site: 'x', sender: 'bob', scope: 'all', createdAt: 0 });
    await putFeedback(db, { kind: 'cluster', clusterId: 'c1' }, 0);
    const result = await pruneHistory(db, { maxMessages: 1_000, maxDays: 100_000 }, 1_200 * DAY);
    expect(result).toMatchObject({ removed: 200, oldestSeenAt: 200 * DAY });
    const oldest = await db.getAllFromIndex('messages', 'bySeenAt', null, 1);
    expect(oldest[0]?.id).toBe('m200');
    expect(await db.count('mutes')).toBe(1);
    expect(await db.count('feedback')).toBe(1);
    expect(await db.get('senders', ['x', 'alice'])).toMatchObject({ messages: 1_000 });
  });

  it('drops messages older than maxDays', async () => {
    await addMessages(db, history(10));
    const result = await pruneHistory(db, { maxMessages: 1_000, maxDays: 3 }, 10 * DAY);
    expect(result.removed).toBe(7); // seen on days 0..6 are older than day 7
    expect(await countMessages(db)).toBe(3);
  });

  it('frees a tenth of the history (at least 100) after a quota error', async () => {
    await addMessages(db, history(1_500));
    expect((await pruneForQuota(db)).removed).toBe(150);
    expect(await countMessages(db)).toBe(1_350);
  });
});

describe('quota errors', () => {
  it.each([
    ['a QuotaExceededError', new DOMException('full', 'QuotaExceededError')],
    [
      'an AbortError caused by the quota',
      Object.assign(new DOMException('aborted', 'AbortError'), { cause: new DOMException('q', 'QuotaExceededError') }),
    ],
    ['an AbortError that names the quota', new DOMException('Transaction aborted: quota exceeded', 'AbortError')],
  ])('recognises %s', (_name, error) => {
    expect(isQuotaError(error)).toBe(true);
  });

  it('does not treat other errors as quota errors', () => {
    expect(isQuotaError(new DOMException('x', 'AbortError'))).toBe(false);
    expect(isQuotaError(new DOMException('x', 'ConstraintError'))).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
  });

  it('prunes and retries a batch that hit the quota; the failed attempt wrote nothing', async () => {
    await addMessages(db, history(300));
    const realAdd = IDBObjectStore.prototype.add;
    let failures = 1;
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'messages' && failures > 0 && (args[0] as { id: string }).id === 'new-5') {
        failures -= 1;
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return realAdd.apply(this, args);
    });
    const freeSpace = vi.fn(async () => {
      // The aborted attempt left nothing behind: no half batch, aggregates unchanged.
      expect(await countMessages(db)).toBe(300);
      expect(await db.get('senders', ['x', 'alice'])).toMatchObject({ messages: 300 });
      await pruneForQuota(db);
    });
    const batch = history(10, 1_000).map((record, index) => ({ ...record, id: `new-${index}` }));
    const added = await withQuotaRetry(() => addMessages(db, batch), freeSpace);
    expect(freeSpace).toHaveBeenCalledOnce();
    expect(added).toHaveLength(10);
    expect(await countMessages(db)).toBe(300 - 100 + 10);
    expect(await db.get('senders', ['x', 'alice'])).toMatchObject({ messages: 210 });
  });

  it('rethrows when the quota error persists, with the history intact', async () => {
    await addMessages(db, history(150));
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
      throw Object.assign(new DOMException('aborted', 'AbortError'), {
        cause: new DOMException('q', 'QuotaExceededError'),
      });
    });
    const write = () => addMessages(db, [makeMessage({ id: 'new' })]);
    await expect(withQuotaRetry(write, () => pruneForQuota(db).then(() => {}))).rejects.toThrow('aborted');
    expect(await countMessages(db)).toBe(50);
    expect(await db.get('senders', ['x', 'alice'])).toMatchObject({ messages: 50 });
  });
});

describe('retention in chunks', () => {
  it('deletes in small chunks up to the cut, which takes whole seen-at groups', async () => {
    const batch = (count: number, seenAt: number) =>
      Array.from({ length: count }, (_, index) => makeMessage({ id: `${seenAt}-${index}`, seenAt }));
    await addMessages(db, [...batch(3, 1), ...batch(8, 2), ...batch(2, 3)]);
    const cutoff = await retentionCutoff(db, { maxMessages: 4, maxDays: 100_000 }, 3);
    expect(cutoff).toEqual({ at: 2, isInclusive: true });
    expect(await deleteChunk(db, cutoff, 5)).toBe(5);
    expect(await deleteChunk(db, cutoff, 5)).toBe(5);
    expect(await deleteChunk(db, cutoff, 5)).toBe(1);
    expect(await deleteChunk(db, cutoff, 5)).toBe(0);
    expect(await countMessages(db)).toBe(2);
    expect(await db.get('senders', ['x', 'alice'])).toMatchObject({ messages: 2 });
  });
});

describe('engine journal', () => {
  it('keeps one prune entry, the latest edge, beside the other operations', async () => {
    await appendEngineOp(db, { op: 'prune', before: 5 });
    await appendEngineOp(db, { op: 'forget', site: 'x', sender: 'bob' });
    await appendEngineOp(db, { op: 'prune', before: 9 });
    await appendEngineOp(db, { op: 'prune', before: 7 });
    expect(await readEngineJournal(db)).toEqual([
      { op: 'forget', site: 'x', sender: 'bob' },
      { op: 'prune', before: 9 },
    ]);
  });
});
