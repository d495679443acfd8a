import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumSession, launchChromium } from './lib/chromium';
import { type FirefoxSession, launchFirefox } from './lib/firefox';
import { fixturePages } from './lib/fixtures';

// The foundation's promises, in both browsers: the background starts, the content script runs on a page served
// under a real site URL, messages make the round trip, the background writes and reads IndexedDB, the popup renders.
const demoPage = Object.keys(fixturePages()).find((url) => url.startsWith('https://news.ycombinator.com/'));
const status = { type: 'getStatus', input: {} };

describe('foundation in Chromium', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await launchChromium();
  });
  afterAll(() => session?.close());

  it('loads dist/chrome with a running service worker and no errors on chrome://extensions', async () => {
    const page = await session.context.newPage();
    await page.goto('chrome://extensions/');
    await page.locator('#devMode').click();
    const item = page.locator(`extensions-item#${session.extensionId}`);
    await expect.poll(async () => (await item.locator('#name').textContent())?.trim()).toBe('Uncanned');
    await expect.poll(() => item.getByText('service worker', { exact: false }).count()).toBeGreaterThan(0);
    expect(await item.locator('#errors-button').isVisible()).toBe(false);
    await page.close();
  });

  it('runs the content script on a fixture page, round-trips to the background and stores the messages', async () => {
    expect(demoPage, 'a Hacker News fixture page').toBeDefined();
    const page = await session.openPage(demoPage ?? '');
    await page.waitForSelector('[data-uncanned]', { timeout: 10_000 });
    const stored = await (await session.worker()).evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('uncanned');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const count = open.result.transaction('messages').objectStore('messages').count();
            count.onsuccess = () => resolve(count.result);
            count.onerror = () => reject(count.error);
          };
        }),
    );
    expect(stored).toBeGreaterThan(0);
    const popup = await session.openPopup(await session.tabIdOf(page));
    const reply = await popup.evaluate((message) => chrome.runtime.sendMessage(message), status);
    expect(reply).toMatchObject({ ok: true, value: { messages: expect.any(Number) } });
    expect((reply as { value: { messages: number } }).value.messages).toBeGreaterThan(0);
  });

  it('rejects a malformed message with an error reply and stores nothing', async () => {
    const popup = await session.openPopup();
    const before = await popup.evaluate((message) => chrome.runtime.sendMessage(message), status);
    const bad = { type: 'classify', input: { site: 'x', url: 'https://x.com/', items: [{ id: 1, text: null }] } };
    const reply = await popup.evaluate((message) => chrome.runtime.sendMessage(message), bad);
    expect(reply).toMatchObject({ ok: false, error: { name: 'RejectedMessageError' } });
    const after = await popup.evaluate((message) => chrome.runtime.sendMessage(message), status);
    expect(after).toEqual(before);
  });

  it('renders the popup', async () => {
    const popup = await session.openPopup();
    await expect.poll(() => popup.locator('#app').textContent()).toContain('Uncanned');
    await popup.screenshot({ path: 'test-results/popup-chromium.png' });
    expect(fs.statSync('test-results/popup-chromium.png').size).toBeGreaterThan(1000);
  });
});

describe('foundation in Firefox ESR', () => {
  let session: FirefoxSession;
  beforeAll(async () => {
    session = await launchFirefox();
  });
  afterAll(() => session?.close());

  it('runs the content script, round-trips to the background, stores messages and renders the popup', async () => {
    const page = await session.openPage(demoPage ?? '');
    await page.waitForSelector('[data-uncanned]', { timeout: 10_000 });
    const popup = await session.openPopup();
    await popup.waitForFunction(() => (document.querySelector('#app')?.textContent ?? '').includes('Uncanned'));
    const reply = await popup.evaluate(
      (message) => (globalThis as unknown as { browser: typeof chrome }).browser.runtime.sendMessage(message),
      status,
    );
    expect((reply as { ok: boolean; value: { messages: number } }).value.messages).toBeGreaterThan(0);
    await popup.screenshot({ path: 'test-results/popup-firefox.png' });
  });
});
