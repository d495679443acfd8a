import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../shared/settings';
import { type Background, browserModuleMock, contentScript, startBackground, texts } from './testing/harness';

vi.mock('../shared/browser', () => browserModuleMock());

let bg: Background;
beforeEach(async () => {
  bg = await startBackground();
});

const item = (id: string, sender: string, text = texts.promo) => ({ id, sender, text });
const classify = (items: ReturnType<typeof item>[]) =>
  bg.send('classify', { site: 'x', url: 'https://x.com/', items }, contentScript());

async function seed() {
  await classify([item('1', 'spammer'), item('2', 'spammer'), item('3', 'friend', texts.other)]);
  await bg.send('muteSender', { site: 'x', sender: 'spammer', scope: 'all' }, contentScript());
  await bg.send('markNotCanned', { target: { kind: 'sender', site: 'x', sender: 'friend' } }, contentScript());
  await bg.send('updateSettings', { settings: { cannedAction: 'hide' } });
}

describe('settings', () => {
  it('validates updates and broadcasts them', async () => {
    bg.browser.openTabs.push({ id: 1, url: 'https://x.com/', hasContentScript: true });
    await bg.send(
      'reportPageStatus',
      { site: 'x', url: 'https://x.com/', recognised: true, read: 0, canned: 0, hidden: 0 },
      contentScript(1),
    );
    const updated = await bg.send('updateSettings', { settings: { cannedAction: 'explode', debug: true } });
    expect(updated).toMatchObject({ cannedAction: defaultSettings.cannedAction, debug: true });
    expect(await bg.send('getSettings', {}, contentScript())).toEqual(updated);
    expect(bg.browser.tabs.sendMessage).toHaveBeenCalledWith(1, expect.objectContaining({ type: 'pageStateChanged' }));
  });

  it('prunes history when retention shrinks', async () => {
    for (let batch = 0; batch < 3; batch++) {
      await classify(
        Array.from({ length: 500 }, (_, index) => item(`${batch}-${index}`, `s${index}`, `${texts.other} ${index}`)),
      );
      await new Promise((resolve) => setTimeout(resolve, 2)); // batches seen at distinct times
    }
    await bg.send('updateSettings', { settings: { retention: { maxMessages: 1000 } } });
    // Over the cap it prunes to 95 % of it, whole batches at a time (a batch shares one seen-at time).
    const { messages } = await bg.send('getStatus', {});
    expect(messages).toBe(500);
    expect((await bg.modules.engineHost.getEngineHost()).engine.size).toBe(messages);
  });
});

describe('export and import', () => {
  it('round-trips mutes, feedback, settings and (optionally) history', async () => {
    await seed();
    const small = await bg.send('exportData', { includeHistory: false });
    expect(small.fileName).toMatch(/^uncanned-export-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(small.json)).toMatchObject({
      format: 'uncanned-export',
      version: 1,
      mutes: [{ sender: 'spammer' }],
    });
    expect(JSON.parse(small.json).history).toBeUndefined();
    const full = await bg.send('exportData', { includeHistory: true });
    expect(JSON.parse(full.json).history).toHaveLength(3);

    await bg.send('clearAllData', { confirm: true });
    expect(await bg.send('getStatus', {})).toMatchObject({ messages: 0, senders: 0 });
    expect(await bg.send('listMutes', {})).toEqual([]);

    expect(await bg.send('importData', { json: full.json })).toEqual({
      mutes: 1,
      feedback: 1,
      settings: true,
      messages: 3,
    });
    expect((await bg.send('getSettings', {})).cannedAction).toBe('hide');
    expect(await bg.send('getPageState', { site: 'x' })).toMatchObject({
      mutes: [{ sender: 'spammer' }],
      notCannedSenders: ['friend'],
    });
    expect((await classify([item('2', 'spammer')]))[0]).toMatchObject({ canned: true, senderCount: 2 });
    expect((await classify([item('9', 'spammer')]))[0]).toMatchObject({ senderCount: 3 });
  });

  it.each([
    ['corrupt JSON', '{"format":'],
    ['a wrong version', JSON.stringify({ format: 'uncanned-export', version: 9 })],
    [
      'wrong types deep inside',
      JSON.stringify({
        format: 'uncanned-export',
        version: 1,
        exportedAt: 1,
        settings: {},
        mutes: [{ site: 'x', sender: 'new', scope: 'all', createdAt: 1 }],
        feedback: [{ target: { kind: 'cluster' } }],
      }),
    ],
  ])('rejects %s and writes nothing', async (_name, json) => {
    await seed();
    const before = await bg.send('exportData', { includeHistory: true });
    const reply = await bg.reply('importData', { json });
    expect(reply).toMatchObject({ ok: false, error: { name: 'ImportError' } });
    const after = await bg.send('exportData', { includeHistory: true });
    expect(JSON.parse(after.json)).toEqual({ ...JSON.parse(before.json), exportedAt: expect.any(Number) });
  });

  it('is refused from a content script', async () => {
    const reply = await bg.reply('exportData', { includeHistory: true }, contentScript());
    expect(reply).toMatchObject({ ok: false, error: { name: 'RejectedMessageError' } });
    const wipe = await bg.reply('clearAllData', { confirm: false });
    expect(wipe.ok).toBe(false);
  });
});

describe('sync', () => {
  it('pushes mutes, feedback and settings (never history) when enabled; a second device joins and pulls', async () => {
    await bg.send('updateSettings', { settings: { syncEnabled: true } });
    await seed();
    const synced = [...bg.browser.storage.sync.data.values()].join('');
    expect(synced).toContain('spammer');
    expect(synced).not.toContain(texts.promo);
    // A second device: its own local state, the same storage.sync.
    const syncArea = bg.browser.storage.sync;
    bg = await startBackground();
    bg.browser.storage.sync = syncArea;
    await bg.send('muteSender', { site: 'x', sender: 'local', scope: 'all' }, contentScript());
    await bg.send('updateSettings', { settings: { syncEnabled: true } });
    expect((await bg.send('listMutes', {})).map((mute) => mute.sender).sort()).toEqual(['local', 'spammer']);
    expect((await bg.send('getPageState', { site: 'x' })).notCannedSenders).toEqual(['friend']);
    expect(syncArea.data.get('uncanned.sync.0')).toContain('local'); // the union went back up

    // A newer state from the first device replaces this one's mutes, feedback and settings.
    const { pushSync } = await import('../store/sync');
    const { pullIfNewer } = await import('./sync-host');
    const remote = {
      format: 'uncanned-export',
      version: 1,
      exportedAt: 1,
      settings: { cannedAction: 'collapse', syncEnabled: true },
      mutes: [],
      feedback: [],
    };
    await pushSync(remote, Date.now() + 60_000);
    const { db } = await bg.modules.engineHost.getEngineHost();
    expect(await pullIfNewer(db)).toBe(true);
    expect(await bg.send('listMutes', {})).toEqual([]);
    expect((await bg.send('getSettings', {})).cannedAction).toBe('collapse');
    expect(await pullIfNewer(db)).toBe(false); // nothing newer the second time
  });

  it('keeps working when the synced state is too big: local data is kept, nothing thrown', async () => {
    await bg.send('updateSettings', { settings: { syncEnabled: true } });
    for (let index = 0; index < 1500; index++) {
      const { db } = await bg.modules.engineHost.getEngineHost();
      await db.put('mutes', { site: 'x', sender: `sender-number-${index}`, scope: 'all', createdAt: index });
    }
    await expect(
      bg.send('muteSender', { site: 'x', sender: 'one-more', scope: 'all' }, contentScript()),
    ).resolves.toBeUndefined();
    expect(await bg.send('listMutes', {})).toHaveLength(1501);
  });
});
