import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumSession, launchChromium } from './lib/chromium';
import { type FirefoxSession, launchFirefox } from './lib/firefox';
import { fixturePages } from './lib/fixtures';

// History that lasts, in real browsers: a fixture page with a repeat sender is read, classified, reloaded and
// classified again (counts must not change); in Chromium the service worker is stopped mid-session and must
// come back with history and mutes intact. Items are extracted from the page here and sent from an extension
// page, so this tests the background and store, independent of the content-script pipeline.
const hnPage = Object.keys(fixturePages()).find((url) => url.startsWith('https://news.ycombinator.com/item'));

interface Item {
  id: string;
  sender: string;
  text: string;
}
interface Reply<T> {
  ok: boolean;
  value: T;
  error?: { name: string; message: string };
}
interface Verdict {
  id: string;
  canned: boolean;
  senderCount: number;
}
/** Sends one protocol message from an extension page and returns the reply. */
type Send = <T>(type: string, input: unknown) => Promise<Reply<T>>;

/** Hacker News comments (sites.md §11 markup): `tr.athing.comtr` rows with `.hnuser` and `.commtext`. */
const extractHn = () =>
  [...document.querySelectorAll('tr.athing.comtr')].flatMap((row) => {
    const sender = row.querySelector('.hnuser')?.textContent?.trim();
    const text = row.querySelector('.commtext')?.textContent?.trim();
    return sender && text ? [{ id: row.id, sender, text }] : [];
  });

const canned = (verdicts: Verdict[]) => verdicts.filter((verdict) => verdict.canned).map((verdict) => verdict.id);

async function checkReloadKeepsCounts(send: Send, items: Item[], reloadedItems: Item[]) {
  const first = await send<Verdict[]>('classify', { site: 'hackernews', url: hnPage, items });
  expect(first.ok).toBe(true);
  expect(canned(first.value).length, 'the fixture has a repeat sender').toBeGreaterThan(0);
  const status = await send<{ messages: number; senders: number }>('getStatus', {});
  expect(status.value.messages).toBe(new Set(items.map((item) => item.id)).size);
  const again = await send<Verdict[]>('classify', { site: 'hackernews', url: hnPage, items: reloadedItems });
  expect(again.value).toEqual(first.value);
  expect((await send('getStatus', {})).value).toEqual(status.value);
  return first.value;
}

/** The service worker's running status as Chrome reports it over CDP ('running', 'stopping', 'stopped', ...). */
async function watchWorkerStatus(session: ChromiumSession): Promise<string[]> {
  const statuses: string[] = [];
  const page = session.context.pages()[0] ?? (await session.context.newPage());
  const cdp = await session.context.newCDPSession(page);
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions)
      if (version.scriptURL.startsWith('chrome-extension://')) statuses.push(version.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  return statuses;
}

describe('store and background in Chromium', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await launchChromium();
  });
  afterAll(() => session?.close());

  it('keeps counts over a reload and survives a stopped service worker', async () => {
    expect(hnPage, 'a Hacker News fixture page').toBeDefined();
    const page = await session.openPage(hnPage ?? '');
    const items = await page.evaluate(extractHn);
    expect(items.length).toBeGreaterThan(5);
    await page.reload();
    const reloaded = await page.evaluate(extractHn);
    const popup = await session.openPopup();
    const send: Send = (type, input) =>
      popup.evaluate((message) => chrome.runtime.sendMessage(message), { type, input }) as never;

    const verdicts = await checkReloadKeepsCounts(send, items, reloaded);
    const repeat = items.find((item) => item.id === canned(verdicts)[0]);
    if (!repeat) throw new Error('no canned item');
    expect((await send('muteSender', { site: 'hackernews', sender: repeat.sender, scope: 'all' })).ok).toBe(true);
    const before = (await send<{ messages: number }>('getStatus', {})).value;

    await (await session.worker()).evaluate(() => {
      (globalThis as { uncannedMarker?: boolean }).uncannedMarker = true;
    });
    const statuses = await watchWorkerStatus(session);
    await session.stopWorker();
    await expect.poll(() => statuses.includes('stopped'), { timeout: 10_000 }).toBe(true);
    // The next batch wakes the worker, which restores the engine from IndexedDB and answers it.
    const next = await send<Verdict[]>('classify', {
      site: 'hackernews',
      url: hnPage,
      items: [{ id: 'after-restart', sender: repeat.sender, text: repeat.text }],
    });
    expect(statuses.at(-1)).toBe('running');
    const worker = await session.worker(); // a fresh global scope: the marker is gone
    expect(await worker.evaluate(() => (globalThis as { uncannedMarker?: boolean }).uncannedMarker)).toBeUndefined();
    expect(next.value[0]).toMatchObject({ canned: true });
    expect(next.value[0]?.senderCount).toBeGreaterThan(verdicts.find((v) => v.id === repeat.id)?.senderCount ?? 0);
    expect((await send<{ messages: number }>('getStatus', {})).value.messages).toBe(before.messages + 1);
    expect((await send<{ sender: string }[]>('listMutes', {})).value).toMatchObject([{ sender: repeat.sender }]);
    const again = await send<Verdict[]>('classify', { site: 'hackernews', url: hnPage, items });
    expect(again.value).toEqual(verdicts);
  });
});

describe('store and background in Firefox ESR (smoke)', () => {
  let session: FirefoxSession;
  beforeAll(async () => {
    session = await launchFirefox();
  });
  afterAll(() => session?.close());

  it('keeps counts over a reload and keeps mutes', async () => {
    const page = await session.openPage(hnPage ?? '');
    const items = await page.evaluate(extractHn);
    await page.reload();
    const reloaded = await page.evaluate(extractHn);
    const popup = await session.openPopup();
    const send: Send = (type, input) =>
      popup.evaluate(
        (message) => (globalThis as unknown as { browser: typeof chrome }).browser.runtime.sendMessage(message),
        { type, input },
      ) as never;
    const verdicts = await checkReloadKeepsCounts(send, items, reloaded);
    const repeat = items.find((item) => item.id === canned(verdicts)[0]);
    await send('muteSender', { site: 'hackernews', sender: repeat?.sender, scope: 'all' });
    expect((await send<{ sender: string }[]>('listMutes', {})).value).toMatchObject([{ sender: repeat?.sender }]);
    const copies = await send<{ id: string }[]>('getSenderCopies', { site: 'hackernews', sender: repeat?.sender });
    expect(copies.value.length).toBeGreaterThan(1);
  });
});
