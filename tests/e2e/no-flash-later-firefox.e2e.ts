import type { Page } from 'puppeteer-core';
import { afterEach, describe, expect, it } from 'vitest';
import { addAndWatch } from './lib/add-and-watch';
import { type FirefoxSession, geckoId, launchFirefox } from './lib/firefox';
import { fixturePages } from './lib/fixtures';
import { readMarkedMessages } from './lib/marked-messages';
import { waitFor } from './lib/poll';

// Firefox ESR: with canned messages collapsed, later canned copies never paint before they are judged (the wait
// rule is a sheet the browser inserted for us), and once the extension is gone nothing of ours keeps new messages
// blank (Firefox keeps a <style> element of ours in the page; it removes the sheets it inserted).

const url = (prefix: string) => Object.keys(fixturePages()).find((key) => key.startsWith(prefix)) ?? prefix;
const repeat = 'working from home with one simple app';

const hiddenRows = async (page: Page, text: string) =>
  (await page.evaluate(readMarkedMessages)).filter((row) => row.text.includes(text) && row.hidden).length;

let session: FirefoxSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('messages added later (Firefox ESR)', () => {
  it("never paint a muted sender's new live chat rows", async () => {
    session = await launchFirefox();
    const page = await session.openPage(url('https://www.youtube.com/live_chat'));
    const mute = await page.waitForSelector('pierce/button[aria-label="Mute repeat sender"]', { timeout: 15_000 });
    await mute?.click();
    expect(
      await waitFor(
        () => hiddenRows(page, 'Free gift card'),
        (count) => count === 3,
      ),
    ).toBe(3);
    const args: [string, string, string, number] = [
      'yt-live-chat-text-message-renderer',
      'Free gift card',
      'greetings from Lisbon',
      12,
    ];
    const seen = await page.evaluate(addAndWatch, args);
    expect(seen.frames).toBeGreaterThan(20);
    expect(seen.hiddenShown, 'frames that painted a muted row').toEqual([]);
    expect(seen.ordinaryShown).toBe(6);
    expect(await hiddenRows(page, 'Free gift card')).toBe(9);
  });

  it('never paint a canned copy before its verdict, and paint everything once the extension is removed', async () => {
    session = await launchFirefox();
    await session.updateSettings({ cannedAction: 'collapse' });
    const page = await session.openPage(url('https://news.ycombinator.com/'));
    expect(
      await waitFor(
        () => hiddenRows(page, repeat),
        (count) => count === 3,
      ),
    ).toBe(3);
    const args: [string, string, string, number] = ['tr.athing.comtr', repeat, 'Pricing question', 12];
    const seen = await page.evaluate(addAndWatch, args);
    expect(seen.frames).toBeGreaterThan(20);
    expect(seen.hiddenShown, 'frames that painted a canned copy').toEqual([]);
    expect(seen.ordinaryShown).toBe(6);
    expect(await hiddenRows(page, repeat)).toBe(9);

    await session.browser.uninstallExtension(geckoId);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    // Nothing judges them now: every new message, canned copy or not, paints.
    await page.evaluate(() => {
      for (const element of document.querySelectorAll('[data-probe]')) element.removeAttribute('data-probe');
    });
    const after = await page.evaluate(addAndWatch, args);
    expect(new Set(after.hiddenShown).size, 'canned copies that painted after the extension left').toBe(6);
    expect(after.ordinaryShown).toBe(6);
    expect(await page.evaluate(() => document.querySelectorAll('[data-probe][data-uncanned]').length)).toBe(0);
  });
});
