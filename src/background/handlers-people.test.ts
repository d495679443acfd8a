import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type Background, browserModuleMock, contentScript, startBackground, texts } from './testing/harness';

vi.mock('../shared/browser', () => browserModuleMock());

let bg: Background;
beforeEach(async () => {
  bg = await startBackground();
});

const item = (id: string, sender: string, text = texts.promo) => ({ id, sender, text });
const classify = (items: ReturnType<typeof item>[], tabId = 1, site = 'x') =>
  bg.send('classify', { site, url: 'https://x.com/', items }, contentScript(tabId));
const report = (tabId: number, site = 'x') =>
  bg.send(
    'reportPageStatus',
    { site, url: 'https://x.com/', recognised: true, read: 3, canned: 1, hidden: 0 },
    contentScript(tabId),
  );

/** pageStateChanged messages sent to each tab id. */
const broadcasts = () =>
  bg.browser.tabs.sendMessage.mock.calls.map(
    ([tabId, message]) =>
      ({ tabId, message }) as {
        tabId: number;
        message: { type: string; input: { state: { site: string; mutes: { sender: string }[] } } };
      },
  );

describe('mutes', () => {
  beforeEach(async () => {
    bg.browser.openTabs.push(
      { id: 1, url: 'https://x.com/', hasContentScript: true },
      { id: 2, url: 'https://x.com/b', hasContentScript: true },
      { id: 3, url: 'https://www.reddit.com/', hasContentScript: true },
      { id: 4, url: 'about:blank' },
    );
    await Promise.all([report(1), report(2), report(3, 'reddit')]);
  });

  it('persists a mute and sends every tab the new state of its own site', async () => {
    await bg.send(
      'muteSender',
      { site: 'x', sender: 'spammer', senderName: 'Spam Bot', scope: 'all' },
      contentScript(1),
    );
    const sent = broadcasts();
    expect(sent.map((call) => call.tabId).sort()).toEqual([1, 2, 3]);
    expect(sent.every((call) => call.message.type === 'pageStateChanged')).toBe(true);
    const forTab = (tabId: number) => sent.find((call) => call.tabId === tabId)?.message.input.state;
    expect(forTab(2)).toMatchObject({
      site: 'x',
      mutes: [{ sender: 'spammer', senderName: 'Spam Bot', scope: 'all' }],
    });
    expect(forTab(3)).toMatchObject({ site: 'reddit', mutes: [] });
    expect(await bg.send('getPageState', { site: 'x' }, contentScript())).toMatchObject({
      mutes: [{ sender: 'spammer' }],
    });
  });

  it('keeps the list of sites whose pages hold their comments for the page state (storage.local, read at document_start)', async () => {
    const holdSites = async () => (await bg.browser.storage.local.get('holdSites')).holdSites as string[];
    await bg.send('muteSender', { site: 'x', sender: 'spammer', scope: 'all' }, contentScript(1));
    await bg.send('muteSender', { site: 'reddit', sender: 'pitcher', scope: 'canned' }, contentScript(3));
    expect(await holdSites()).toEqual(['x']); // a mute of canned replies only waits for verdicts anyway
    await bg.send('updateSettings', { settings: { disabledSites: ['x'] } });
    expect(await holdSites()).toEqual([]);
    await bg.send('updateSettings', { settings: { disabledSites: [], cannedAction: 'collapse' } });
    expect((await holdSites()).length).toBeGreaterThan(10); // every site: canned messages fold before they paint
  });

  it('ignores tabs whose content script is gone', async () => {
    bg.browser.openTabs[1] = { id: 2, url: 'https://x.com/b', hasContentScript: false };
    await expect(
      bg.send('muteSender', { site: 'x', sender: 's', scope: 'all' }, contentScript()),
    ).resolves.toBeUndefined();
  });

  it('lets a mute expire and rejects one that already ended', async () => {
    const now = Date.now();
    await bg.send('muteSender', { site: 'x', sender: 'brief', scope: 'canned', until: now + 50 }, contentScript());
    expect(await bg.send('listMutes', {})).toMatchObject([{ sender: 'brief', scope: 'canned', until: now + 50 }]);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await bg.send('listMutes', {})).toEqual([]);
    expect((await bg.send('getPageState', { site: 'x' })).mutes).toEqual([]);
    const reply = await bg.reply(
      'muteSender',
      { site: 'x', sender: 'a', scope: 'all', until: now - 1 },
      contentScript(),
    );
    expect(reply).toMatchObject({ ok: false, error: { name: 'RangeError' } });
  });

  it('unmutes', async () => {
    await bg.send('muteSender', { site: 'x', sender: 'a', scope: 'all' }, contentScript());
    await bg.send('unmuteSender', { site: 'x', sender: 'a' }, contentScript());
    expect(await bg.send('listMutes', {})).toEqual([]);
  });

  it('mutes every sender of a template', async () => {
    const verdicts = await classify([item('1', 'a'), item('2', 'b'), item('3', 'c'), item('4', 'd', texts.other)]);
    await bg.send('muteTemplate', { clusterId: verdicts[0]?.clusterId ?? '' });
    expect((await bg.send('listMutes', {})).map((mute) => mute.sender).sort()).toEqual(['a', 'b', 'c']);
    const unknown = await bg.reply('muteTemplate', { clusterId: 'nope' });
    expect(unknown).toMatchObject({ ok: false, error: { message: 'No senders in cluster nope' } });
    const fromPage = await bg.reply('muteTemplate', { clusterId: 'x' }, contentScript());
    expect(fromPage).toMatchObject({ ok: false, error: { name: 'RejectedMessageError' } });
  });
});

describe('feedback and forgetting', () => {
  it('puts "not canned" senders and clusters into the page state', async () => {
    await bg.send('markNotCanned', { target: { kind: 'sender', site: 'x', sender: 'friend' } }, contentScript());
    await bg.send('markNotCanned', { target: { kind: 'cluster', clusterId: '7' } }, contentScript());
    await bg.send('markNotCanned', { target: { kind: 'sender', site: 'reddit', sender: 'other' } }, contentScript());
    expect(await bg.send('getPageState', { site: 'x' })).toMatchObject({
      notCannedSenders: ['friend'],
      notCannedClusters: ['7'],
    });
    const fromPage = await bg.reply(
      'unmarkNotCanned',
      { target: { kind: 'cluster', clusterId: '7' } },
      contentScript(),
    );
    expect(fromPage.ok).toBe(false);
  });

  it('forgets a sender in the store and the engine', async () => {
    await classify([item('1', 'spammer'), item('2', 'spammer'), item('3', 'keeper')]);
    await bg.send('forgetSender', { site: 'x', sender: 'spammer' });
    expect(await bg.send('getStatus', {})).toMatchObject({ messages: 1, senders: 1 });
    expect(await bg.send('getSenderCopies', { site: 'x', sender: 'spammer' })).toEqual([]);
    expect((await classify([item('4', 'spammer')]))[0]).toMatchObject({ senderCount: 1, canned: false });
  });
});
