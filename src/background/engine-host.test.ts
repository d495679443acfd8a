import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Background, browserModuleMock, contentScript, startBackground, texts } from './testing/harness';

vi.mock('../shared/browser', () => browserModuleMock());

let bg: Background;
beforeEach(async () => {
  bg = await startBackground();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const item = (id: string, sender: string, text = texts.promo) => ({ id, sender, text });
const classify = (items: ReturnType<typeof item>[]) =>
  bg.send('classify', { site: 'x', url: 'https://x.com/', items }, contentScript());
const host = () => bg.modules.engineHost.getEngineHost();

describe('engine host across worker restarts', () => {
  it('restores from the snapshot plus the messages that came after it', async () => {
    await classify([item('1', 'spammer')]);
    const first = await host();
    await bg.modules.engineHost.saveEngineSnapshot(first);
    await classify([item('2', 'spammer')]); // newer than the snapshot: replayed on restore
    await bg.restart();
    const restored = await host();
    expect(restored.origin).toBe('snapshot');
    expect(restored.engine.size).toBe(2);
    expect((await classify([item('3', 'spammer')]))[0]).toMatchObject({ senderCount: 3, canned: true });
    expect((await classify([item('1', 'spammer')]))[0]).toMatchObject({ senderCount: 1, canned: false });
  });

  it('rebuilds from all messages when there is no snapshot, or one of another format', async () => {
    await classify([item('1', 'spammer'), item('2', 'spammer')]);
    await (await host()).db.delete('engine', 'engine');
    await bg.restart();
    expect((await host()).origin).toBe('rebuild');
    expect((await host()).engine.size).toBe(2);
    const { db } = await host();
    const stored = await db.get('engine', 'engine');
    expect(stored?.lastSeq).toBe(2);
    await db.put('engine', { ...(stored as NonNullable<typeof stored>), formatVersion: 999 });
    await bg.restart();
    expect((await host()).origin).toBe('rebuild');
    expect((await classify([item('3', 'spammer')]))[0]).toMatchObject({ senderCount: 3 });
  });

  it('saves the snapshot after a quiet period, not on every batch', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await classify([item('1', 'a')]);
    const { db } = await host();
    await bg.modules.engineHost.saveEngineSnapshot(await host());
    await classify([item('2', 'a')]);
    expect((await db.get('engine', 'engine'))?.lastSeq).toBe(1);
    await vi.advanceTimersByTimeAsync(10_000);
    await vi.waitFor(async () => expect((await db.get('engine', 'engine'))?.lastSeq).toBe(2));
  });

  it('keeps a forgotten sender forgotten even if the snapshot after it was lost', async () => {
    await classify([item('1', 'spammer'), item('2', 'spammer')]);
    await bg.modules.engineHost.saveEngineSnapshot(await host());
    const { db } = await host();
    const before = await db.get('engine', 'engine');
    await bg.send('forgetSender', { site: 'x', sender: 'spammer' });
    // Simulate the worker dying right after the deletion: the old snapshot comes back, the journal is re-added.
    await db.put('engine', before as NonNullable<typeof before>);
    await db.put('meta', { key: 'engineJournal', value: [{ op: 'forget', site: 'x', sender: 'spammer' }] });
    await bg.restart();
    expect((await host()).engine.size).toBe(0);
    expect((await classify([item('3', 'spammer')]))[0]).toMatchObject({ senderCount: 1, canned: false });
  });
  it('keeps what a forgotten sender sent after the forget when the snapshot after it was lost', async () => {
    await classify([item('1', 'spammer'), item('2', 'spammer')]);
    await bg.modules.engineHost.saveEngineSnapshot(await host());
    const { db } = await host();
    const before = await db.get('engine', 'engine');
    await bg.send('forgetSender', { site: 'x', sender: 'spammer' });
    // The worker dies: the old snapshot comes back with the journal of the forget (as in the test above).
    await db.put('engine', before as NonNullable<typeof before>);
    await db.put('meta', { key: 'engineJournal', value: [{ op: 'forget', site: 'x', sender: 'spammer' }] });
    await classify([item('3', 'spammer')]); // after the forget: stored, and replayed on restore
    await bg.restart();
    expect((await host()).engine.size).toBe(1);
    expect((await classify([item('4', 'spammer')]))[0]).toMatchObject({ senderCount: 2, canned: true });
  });

  it('prunes a restored engine like the store even if the snapshot after the prune was lost', async () => {
    await classify([item('1', 'a'), item('2', 'b', texts.other)]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await classify([item('3', 'c', texts.third)]);
    await bg.modules.engineHost.saveEngineSnapshot(await host());
    const { db } = await host();
    const before = await db.get('engine', 'engine');
    const { enforceRetention } = await import('./maintenance');
    await bg.browser.storage.local.set({ settings: { retention: { maxMessages: 1000, maxDays: 1 } } });
    const oldest = (await db.getAll('messages'))[2]?.seenAt ?? 0;
    for (const message of (await db.getAll('messages')).slice(0, 2))
      await db.put('messages', { ...message, seenAt: 0 });
    const result = await enforceRetention(await host(), true);
    expect(result?.removed).toBe(2);
    const journal = await db.get('meta', 'engineJournal');
    await db.put('engine', before as NonNullable<typeof before>); // the snapshot saved after the prune is lost
    await db.put('meta', { key: 'engineJournal', value: [{ op: 'prune', before: oldest }] });
    expect(journal?.value).toEqual([]);
    await bg.restart();
    expect((await host()).engine.size).toBe(1);
  });
});

describe('quota errors during classify', () => {
  it('prunes, retries, answers, and warns the popup', async () => {
    await classify(
      Array.from({ length: 150 }, (_, index) => item(`old-${index}`, `s${index}`, `${texts.other} ${index}`)),
    );
    const realAdd = IDBObjectStore.prototype.add;
    let failures = 1;
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'messages' && failures-- > 0) throw new DOMException('quota', 'QuotaExceededError');
      return realAdd.apply(this, args);
    });
    const verdicts = await classify([item('new-1', 'spammer'), item('new-2', 'spammer')]);
    expect(verdicts[1]).toMatchObject({ canned: true });
    const status = await bg.send('getStatus', {});
    // The 150 old messages came in one batch (one time): pruning takes them together, never half a batch.
    expect(status.messages).toBe(2);
    expect(status.quotaWarning).toMatch(/Storage is full: removed the 150 oldest messages/);
    expect((await host()).engine.size).toBe(status.messages);
  });

  it('never crashes or corrupts history when the quota error persists', async () => {
    await classify([item('1', 'spammer')]);
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    const verdicts = await classify([item('2', 'spammer')]);
    expect(verdicts).toHaveLength(1);
    vi.restoreAllMocks();
    // The unsaved message was dropped from the engine too: the history and the engine agree.
    expect((await bg.send('getStatus', {})).messages).toBe(0);
    expect((await host()).engine.size).toBe(0);
    expect((await classify([item('3', 'spammer')]))[0]).toMatchObject({ senderCount: 1 });
  });
});
