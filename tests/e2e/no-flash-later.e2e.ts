import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { type ChromiumSession, launchChromium } from './lib/chromium';
import { fixturePages } from './lib/fixtures';
import { readMarkedMessages } from './lib/marked-messages';

// Messages that arrive after the page loaded (a chat row, a new comment) never paint when they are to be hidden:
// a muted chat sender's row (no CSS hook names them), a canned copy when the user collapses canned messages.
// The site's script adds them one task at a time; a probe in the page checks every animation frame.

const url = (prefix: string) => Object.keys(fixturePages()).find((key) => key.startsWith(prefix)) ?? prefix;

interface Seen {
  frames: number;
  hiddenShown: string[];
  ordinaryShown: number;
}

/**
 * In the page: clones the element of `hidden` (then of `ordinary`) as `count` new messages, one every 120 ms, and
 * records every frame in which a clone of `hidden` paints, and how many clones of `ordinary` painted in the end.
 */
function addAndWatch([itemSelector, hidden, ordinary, count]: [string, string, string, number]): Promise<Seen> {
  const seen: Seen = { frames: 0, hiddenShown: [], ordinaryShown: 0 };
  const sayings = [
    'The harbour lights flickered while seagulls argued over bread crumbs near the old pier.',
    'My grandmother grows tomatoes on her balcony and swears by coffee grounds as fertiliser.',
    'Quantum tunnelling still feels like cheating whenever a lecturer draws the energy barrier.',
    'We missed the last train, so we walked home across the frozen river under bright stars.',
    'Is there a keyboard shortcut to collapse every folder in the sidebar at once?',
    'Replaced the fan in my laptop yesterday and it finally stopped sounding like a jet engine.',
  ];
  const template = (text: string) =>
    [...document.querySelectorAll(itemSelector)].find((item) => item.textContent?.includes(text)) as Element;
  const painted = (marker: string) =>
    [...document.querySelectorAll(`[data-probe^="${marker}"]`)].filter((element) =>
      element.checkVisibility({ visibilityProperty: true }),
    );
  let done = false;
  const frame = () => {
    seen.frames++;
    for (const element of painted('hidden')) seen.hiddenShown.push(element.getAttribute('data-probe') ?? '');
    if (!done) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  const sources = [template(hidden), template(ordinary)];
  return new Promise((resolve) => {
    let added = 0;
    const timer = setInterval(() => {
      const kind = added % 2 === 0 ? 'hidden' : 'ordinary';
      const copy = sources[added % 2]?.cloneNode(true) as Element;
      // As the site renders it: none of what we wrote on the element it was cloned from.
      for (const name of ['data-uncanned', 'data-uncanned-hidden', 'data-uncanned-id', 'data-uncanned-revealed'])
        copy.removeAttribute(name);
      for (const ours of copy.querySelectorAll('uncanned-controls, uncanned-stub')) ours.remove();
      copy.id = `${copy.id}${String(1000 + added)}`;
      copy.setAttribute('data-probe', `${kind}-${added}`);
      for (const link of copy.querySelectorAll('a[href*="id="]'))
        link.setAttribute('href', (link.getAttribute('href') ?? '').replace(/(\d+)$/, `$1${1000 + added}`));
      if (kind === 'ordinary') {
        // Each ordinary message says something of its own (the same words twice would be a repeat).
        const walker = document.createTreeWalker(copy, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode())
          if (node.nodeValue?.includes(ordinary))
            node.nodeValue = `${ordinary} ${sayings[Math.floor(added / 2) % sayings.length]}`;
      }
      const source = sources[added % 2] as Element;
      source.parentElement?.insertBefore(copy, source.nextSibling);
      if (++added < count) return;
      clearInterval(timer);
      setTimeout(() => {
        done = true;
        seen.ordinaryShown = painted('ordinary').length;
        resolve(seen);
      }, 1_000);
    }, 120);
  });
}

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
});
