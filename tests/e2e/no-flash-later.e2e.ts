import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { addAndWatch } from './lib/add-and-watch';
import { type ChromiumSession, launchChromium } from './lib/chromium';
import { fixturePages } from './lib/fixtures';
import { readMarkedMessages } from './lib/marked-messages';

// Messages that arrive after the page loaded (a chat row, a new comment) never paint when they are to be hidden:
// a muted chat sender's row (no CSS hook names them), a canned copy when the user collapses canned messages.
// The site's script adds them one task at a time; a probe in the page checks every animation frame.

const url = (prefix: string) => Object.keys(fixturePages()).find((key) => key.startsWith(prefix)) ?? prefix;

let session: ChromiumSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const hiddenRows = async (page: Page, text: string) =>
  (await page.evaluate(readMarkedMessages)).filter((row) => row.text.includes(text) && row.hidden).length;

describe('messages added later never paint when they are to be hidden (Chromium)', () => {
  it("a muted sender's new live chat rows", async () => {
    session = await launchChromium();
    const page = await session.openPage(url('https://www.youtube.com/live_chat'));
    const mute = page.getByRole('button', { name: 'Mute repeat sender' }).first();
    await mute.waitFor({ timeout: 15_000 });
    await mute.click();
    await expect.poll(() => hiddenRows(page, 'Free gift card')).toBe(3);
    const item = 'yt-live-chat-text-message-renderer';
    const seen = await page.evaluate(addAndWatch, [item, 'Free gift card', 'greetings from Lisbon', 12] as [
      string,
      string,
      string,
      number,
    ]);
    expect(seen.frames).toBeGreaterThan(20);
    expect(seen.hiddenShown, 'frames that painted a muted row').toEqual([]);
    expect(seen.ordinaryShown).toBe(6);
    expect(await hiddenRows(page, 'Free gift card')).toBe(9);
  });

  it('new canned copies when canned messages are collapsed', async () => {
    session = await launchChromium();
    const popup = await session.openPopup();
    await popup.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'updateSettings', input: { settings: { cannedAction: 'collapse' } } }),
    );
    const page = await session.openPage(url('https://news.ycombinator.com/'));
    const repeat = 'working from home with one simple app';
    await expect.poll(() => hiddenRows(page, repeat), { timeout: 15_000 }).toBe(3);
    const seen = await page.evaluate(addAndWatch, ['tr.athing.comtr', repeat, 'Pricing question', 12] as [
      string,
      string,
      string,
      number,
    ]);
    expect(seen.frames).toBeGreaterThan(20);
    expect(seen.hiddenShown, 'frames that painted a canned copy').toEqual([]);
    expect(seen.ordinaryShown).toBe(6);
    expect(await hiddenRows(page, repeat)).toBe(9);
  });

  it('comments shown while paused do not blank when reading resumes with canned messages collapsed', async () => {
    session = await launchChromium();
    const popup = await session.openPopup();
    const send = (message: object) => popup.evaluate((body) => chrome.runtime.sendMessage(body), message);
    await send({ type: 'updateSettings', input: { settings: { cannedAction: 'collapse' } } });
    const page = await session.openPage(url('https://news.ycombinator.com/'));
    const repeat = 'working from home with one simple app';
    await expect.poll(() => hiddenRows(page, repeat), { timeout: 15_000 }).toBe(3);
    const clean = await page.evaluate(() =>
      [...document.querySelectorAll('tr.athing.comtr[data-uncanned="clean"]')].map((row) => row.id),
    );
    expect(clean.length).toBeGreaterThan(5);
    await send({ type: 'setSitePaused', input: { site: 'hackernews', paused: true } });
    await expect.poll(() => hiddenRows(page, repeat)).toBe(0);
    // Every frame from here: is any ordinary comment (painted while paused) blank?
    await page.evaluate((ids) => {
      const probe = { blank: 0, frames: 0, done: false };
      Object.assign(window, { probe });
      const rows = ids.map((id) => document.getElementById(id) as Element);
      const frame = () => {
        probe.frames++;
        if (rows.some((row) => !row.checkVisibility({ visibilityProperty: true }))) probe.blank++;
        if (!probe.done) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    }, clean);
    await send({ type: 'setSitePaused', input: { site: 'hackernews', paused: false } });
    await expect.poll(() => hiddenRows(page, repeat)).toBe(3);
    await page.waitForTimeout(500);
    const probe = await page.evaluate(() => {
      const state = (window as unknown as { probe: { blank: number; frames: number; done: boolean } }).probe;
      state.done = true;
      return state;
    });
    expect(probe.frames).toBeGreaterThan(10);
    expect(probe.blank, 'frames in which an ordinary comment was blank').toBe(0);
  });
});
