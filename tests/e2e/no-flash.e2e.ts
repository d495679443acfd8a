import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type ChromiumSession, launchChromium } from './lib/chromium';
import { fixturePages } from './lib/fixtures';
import { readMarkedMessages } from './lib/marked-messages';

// A muted sender's messages never paint on a reload, also when the service worker was stopped (Chrome stops idle
// workers; the page state then takes a worker start). A probe in the page checks every animation frame.

const repeat = 'working from home with one simple app';
const clean = 'Pricing question';
const url = (prefix: string) => Object.keys(fixturePages()).find((key) => key.startsWith(prefix)) ?? prefix;

/** In the page, from document start: each frame, how many text nodes with `text` are painted (visibility too). */
function probe([muted, ordinary]: [string, string]): void {
  const record = { frames: 0, mutedShown: [] as number[], ordinaryShown: false, ordinaryAt: 0 };
  Object.assign(window, { uncannedProbe: record });
  const painted = (text: string) => {
    if (!document.body) return 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let count = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      if (node.nodeValue?.includes(text) && node.parentElement?.checkVisibility({ visibilityProperty: true })) count++;
    return count;
  };
  const frame = () => {
    record.frames++;
    const shown = painted(muted);
    if (shown > 0) record.mutedShown.push(Math.round(performance.now()));
    if (!record.ordinaryShown && painted(ordinary) > 0) record.ordinaryAt = Math.round(performance.now());
    record.ordinaryShown ||= record.ordinaryAt > 0;
    if (performance.now() < 4_000) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

type Probe = { frames: number; mutedShown: number[]; ordinaryShown: boolean; ordinaryAt: number };
const readProbe = (page: Page) => page.evaluate(() => (window as unknown as { uncannedProbe: Probe }).uncannedProbe);

let session: ChromiumSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const shownAt: string[] = [];
afterAll(() => console.info(`ordinary comments first painted at (ms): ${shownAt.join('; ')}`));

describe.each([
  ['hackernews', url('https://news.ycombinator.com/')],
  ['reddit (old)', url('https://old.reddit.com/')],
  ['youtube comments', url('https://www.youtube.com/watch')],
])('no flash of a muted sender on %s (Chromium)', (name, pageUrl) => {
  it('paints none of their messages on reloads, with the worker running and after it was stopped', async () => {
    session = await launchChromium();
    const page = await session.openPage(pageUrl);
    const mute = page.getByRole('button', { name: 'Mute repeat sender' }).first();
    await mute.waitFor({ timeout: 15_000 });
    await mute.click();
    const hiddenCopies = async () =>
      (await page.evaluate(readMarkedMessages)).filter((row) => row.text.includes(repeat) && row.hidden === 'muted');
    await expect.poll(async () => (await hiddenCopies()).length).toBeGreaterThanOrEqual(2);
    await page.addInitScript(probe, [repeat, clean] as [string, string]);
    for (const stopWorker of [false, true, true]) {
      if (stopWorker) await session.stopWorker();
      await page.reload();
      await expect.poll(async () => (await readProbe(page)).ordinaryShown, { timeout: 5_000 }).toBe(true);
      await page.waitForTimeout(1_000);
      const seen = await readProbe(page);
      shownAt.push(`${name}${stopWorker ? ' (worker stopped)' : ''} ${seen.ordinaryAt}`);
      expect(seen.frames).toBeGreaterThan(10);
      expect(seen.mutedShown, `frames that painted the muted sender (stopped worker: ${stopWorker})`).toEqual([]);
      expect((await hiddenCopies()).length).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('no flash of canned messages when the user collapses them (Chromium)', () => {
  it('paints no canned copy on the first visit nor on reloads, with the worker running and after it was stopped', async () => {
    session = await launchChromium();
    const popup = await session.openPopup();
    await popup.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'updateSettings', input: { settings: { cannedAction: 'collapse' } } }),
    );
    const page = await session.context.newPage();
    await page.addInitScript(probe, [repeat, clean] as [string, string]);
    for (const [visit, stopWorker] of [
      ['first visit', false],
      ['reload', false],
      ['reload', true],
    ] as const) {
      if (stopWorker) await session.stopWorker();
      await (visit === 'first visit' ? page.goto(url('https://news.ycombinator.com/')) : page.reload());
      await expect.poll(async () => (await readProbe(page)).ordinaryShown, { timeout: 5_000 }).toBe(true);
      await page.waitForTimeout(1_000);
      const seen = await readProbe(page);
      shownAt.push(`hackernews, canned collapsed, ${visit}${stopWorker ? ' (worker stopped)' : ''} ${seen.ordinaryAt}`);
      expect(seen.mutedShown, `frames that painted a canned copy (${visit}, stopped worker: ${stopWorker})`).toEqual(
        [],
      );
      const collapsed = (await page.evaluate(readMarkedMessages)).filter((row) => row.hidden === 'canned');
      expect(collapsed.filter((row) => row.text.includes(repeat)).length).toBe(3);
    }
  });
});
