import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { type ChromiumSession, launchChromium } from './lib/chromium';
import { fixturePages } from './lib/fixtures';

// The controls among the site's own handlers (release build, Chromium, the YouTube comments fixture made to act
// like X, where a post is focusable and opens on click): nothing of ours may reach the site, except an Escape that
// closes nothing of ours.

const pageUrl = Object.keys(fixturePages()).find((key) => key.startsWith('https://www.youtube.com/watch')) ?? '';
const repeat = 'working from home with one simple app';

let session: ChromiumSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** The first canned copy with its controls, made a focusable post that records what reaches the site. */
async function openOnSite(): Promise<Page> {
  session = await launchChromium();
  const page = await session.openPage(pageUrl);
  const item = page.locator('[data-uncanned="canned"]:has(uncanned-controls)', { hasText: repeat }).first();
  await item.waitFor({ timeout: 15_000 });
  await item.evaluate((element) => {
    const seen: string[] = [];
    Object.assign(window, { siteSaw: seen });
    element.setAttribute('tabindex', '0'); // X's article, Bluesky's post: focusable, and a click opens it
    for (const type of ['click', 'dblclick', 'auxclick'])
      document.addEventListener(type, (event) => seen.push(`${type}:${(event.target as Element).localName}`));
    document.addEventListener('keydown', (event) => seen.push(`key:${event.key}`));
    document.addEventListener('keyup', (event) => seen.push(`up:${event.key}`));
  });
  return page;
}

const siteSaw = (page: Page) => page.evaluate(() => (window as unknown as { siteSaw: string[] }).siteSaw.splice(0));
const item = (page: Page) => page.locator('[data-uncanned="canned"][tabindex="0"]');

describe('in-page controls and the site (Chromium)', () => {
  it('keeps the explanation open when its text is clicked, and the click to itself', async () => {
    const page = await openOnSite();
    const chip = item(page).locator('uncanned-controls .chip');
    await chip.click();
    const panel = item(page).locator('uncanned-controls .panel');
    await expect.poll(() => panel.locator('li').count()).toBeGreaterThan(0);
    await panel.locator('p').first().click(); // it used to close under the pointer, the click landing on the site
    await page.waitForTimeout(300);
    expect(await chip.getAttribute('aria-expanded')).toBe('true');
    expect(await siteSaw(page)).toEqual([]);
    await page.keyboard.press('Escape'); // the focus stayed with us: Escape still closes it, and only it
    await expect.poll(() => chip.getAttribute('aria-expanded')).toBe('false');
    expect(await siteSaw(page)).toEqual([]);
    await page.keyboard.press('Escape'); // nothing of ours open: the site's own Escape (close a dialog) gets it
    expect(await siteSaw(page)).toEqual(['key:Escape', 'up:Escape']);
  });

  it('closes the explanation when its chip is scrolled out of view', async () => {
    const page = await openOnSite();
    const chip = item(page).locator('uncanned-controls .chip');
    await chip.click();
    await expect.poll(() => chip.getAttribute('aria-expanded')).toBe('true');
    await page.mouse.wheel(0, 2_000);
    await expect.poll(() => chip.getAttribute('aria-expanded')).toBe('false');
    expect(await item(page).locator('uncanned-controls .panel').isHidden()).toBe(true);
  });

  it('lets no click of a double click on Mute reach the post that moves under the pointer', async () => {
    const page = await openOnSite();
    await item(page).getByRole('button', { name: 'Mute repeat sender' }).dblclick();
    await page.waitForTimeout(600);
    expect(await siteSaw(page)).toEqual([]);
    await page.mouse.click(5, 5); // later clicks reach the site again
    expect(await siteSaw(page)).toEqual([expect.stringMatching(/^click:/)]);
  });
});
