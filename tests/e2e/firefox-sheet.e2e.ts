import type { Page } from 'puppeteer-core';
import { afterEach, describe, expect, it } from 'vitest';
import { addAndWatch } from './lib/add-and-watch';
import { type FirefoxSession, geckoId, launchFirefox, serveFixtures } from './lib/firefox';
import { fixturePages } from './lib/fixtures';

// Firefox ESR keeps a <style> element of ours in open pages when it unloads the extension, so its hold and wait
// rules are in content.css (src/content/firefox-sheet.ts), which it removes with the extension. These check that
// nothing stays blank after the extension goes (while a page loads, or while it is kept for Back), and that a muted
// chat sender's rows present at load never paint.

const url = (prefix: string) => Object.keys(fixturePages()).find((key) => key.startsWith(prefix)) ?? prefix;
const hackerNews = url('https://news.ycombinator.com/');
const repeat = 'working from home with one simple app';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const invisibleRows = (page: Page) =>
  page.evaluate(
    () =>
      [...document.querySelectorAll('tr.athing.comtr')].filter((row) => getComputedStyle(row).visibility === 'hidden')
        .length,
  );

let session: FirefoxSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('Firefox ESR: our rules go with the extension, and hold what they should', () => {
  it('leaves nothing blank when the extension goes while a page loads (canned messages collapsed)', async () => {
    session = await launchFirefox();
    await session.updateSettings({ cannedAction: 'collapse' });
    const page = await session.browser.newPage();
    await serveFixtures(page);
    void page.goto(hackerNews).catch(() => {});
    // Our content script starts at document_start and holds the comments in the same task.
    let isRunning = false;
    for (const deadline = Date.now() + 10_000; !isRunning && Date.now() < deadline; )
      isRunning = await page
        .evaluate(() => document.documentElement?.hasAttribute('data-uncanned-running') ?? false)
        .catch(() => false);
    expect(isRunning, 'the content script ran before the extension went').toBe(true);
    await session.browser.uninstallExtension(geckoId);
    await pause(2_500);
    expect(await page.evaluate(() => document.querySelectorAll('tr.athing.comtr').length)).toBeGreaterThan(10);
    expect(await invisibleRows(page)).toBe(0);
  });

  it('leaves nothing blank when the extension goes while the page is kept for Back', async () => {
    session = await launchFirefox();
    await session.updateSettings({ cannedAction: 'collapse' });
    const page = await session.openPage(hackerNews);
    await page.waitForFunction(() => document.querySelectorAll('[data-uncanned-hidden]').length >= 3);
    await page.evaluate(() => Object.assign(window, { keptForBack: true }));
    await page.goto(url('https://github.com/'));
    await session.browser.uninstallExtension(geckoId);
    await pause(1_000);
    await page.evaluate(() => history.back());
    await page.waitForFunction(() => location.host === 'news.ycombinator.com');
    await pause(1_000);
    expect(await page.evaluate(() => 'keptForBack' in window), 'the page came back from the cache').toBe(true);
    const args: [string, string, string, number] = ['tr.athing.comtr', repeat, 'Pricing question', 8];
    const after = await page.evaluate(addAndWatch, args);
    expect(new Set(after.hiddenShown).size, 'new canned copies paint: nothing judges them now').toBe(4);
    expect(after.ordinaryShown).toBe(4);
    expect(await invisibleRows(page)).toBe(0);
  });

  it("never paints a muted sender's chat rows present at load", async () => {
    session = await launchFirefox();
    const chat = url('https://www.youtube.com/live_chat');
    const first = await session.openPage(chat);
    const mute = await first.waitForSelector('pierce/button[aria-label="Mute repeat sender"]', { timeout: 15_000 });
    await mute?.click();
    await first.waitForFunction(() => document.querySelectorAll('[data-uncanned-hidden="muted"]').length === 3);
    for (let load = 0; load < 3; load++) {
      const page = await session.browser.newPage();
      await serveFixtures(page);
      // Before the page's own scripts: every animation frame, which rows of the muted sender paint.
      await page.evaluateOnNewDocument(() => {
        const probe = { frames: 0, shown: 0 };
        Object.assign(window, { probe });
        const frame = () => {
          probe.frames++;
          for (const row of document.querySelectorAll('yt-live-chat-text-message-renderer'))
            if (row.textContent?.includes('Free gift card') && row.checkVisibility({ visibilityProperty: true }))
              probe.shown++;
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
      await page.goto(chat);
      await page.waitForFunction(() => document.querySelectorAll('[data-uncanned-hidden="muted"]').length === 3);
      await pause(500);
      const probe = await page.evaluate(
        () => (window as unknown as { probe: { frames: number; shown: number } }).probe,
      );
      expect(probe.frames).toBeGreaterThan(5);
      expect(probe.shown, `frames x rows of the muted sender painted, load ${load + 1}`).toBe(0);
      await page.close();
    }
  });
});
