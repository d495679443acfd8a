import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumSession, launchChromium } from './lib/chromium';
import { fixturePages } from './lib/fixtures';
import { screenshotPath } from './lib/screenshots';

// Page → content script → background → IndexedDB → popup, on the release build in Chromium. The fixture thread
// (tests/fixtures/pages/generator/data.mjs) has one repeat sender with 3 near-identical copies plus one ordinary
// comment (Quick Gains Hub), a second with 2 copies (Crypto Whisperer) and a template posted by 3 accounts.
const hackerNews = 'https://news.ycombinator.com/item?id=42187654';
const youtube = 'https://www.youtube.com/watch?v=Dr1ftW00d10';
const repeatSender = 'quickgains_hub';
const secondSender = 'cryptowhisper21';
const mutedSelector = '[data-uncanned-hidden="muted"]';

const poll = <T>(probe: () => Promise<T>) => expect.poll(probe, { timeout: 15_000, interval: 250 });

/** The popup's row for a Hacker News sender (the YouTube page has the same people under other handles). */
const senderRow = (popup: Page, handle: string) =>
  popup
    .getByTestId('sender-row')
    .filter({ has: popup.locator('.row-name', { hasText: new RegExp(`^${handle}$`) }) })
    .filter({ has: popup.locator('.site', { hasText: 'Hacker News' }) });

/**
 * Opens a page and returns its tab id. Matching by URL (session.tabIdOf) needs the `tabs` permission, which the
 * extension does not have, so take the active tab right after opening: a new page is the active one.
 */
async function openPageWithTabId(session: ChromiumSession, url: string): Promise<{ page: Page; tabId: number }> {
  const page = await session.openPage(url);
  const tabs = await (await session.worker()).evaluate(() => chrome.tabs.query({ active: true }));
  const tabId = tabs.at(-1)?.id;
  if (tabId === undefined) throw new Error(`No active tab after opening ${url}`);
  return { page, tabId };
}

async function openPopupFor(session: ChromiumSession, tabId: number) {
  const popup = await session.openPopup(tabId);
  await popup.setViewportSize({ width: 380, height: 600 });
  return popup;
}

/** Waits until the background lists `handle` (the content script classifies in batches). */
async function waitForSender(popup: Page, handle: string) {
  await expect
    .poll(
      async () => {
        if ((await senderRow(popup, handle).count()) > 0) return true;
        await popup.reload();
        await popup.getByRole('tablist').waitFor();
        return (await senderRow(popup, handle).count()) > 0;
      },
      { timeout: 20_000, interval: 500 },
    )
    .toBe(true);
}

describe('popup in Chromium', () => {
  let session: ChromiumSession;
  let page: Page;
  let popup: Page;

  beforeAll(async () => {
    session = await launchChromium();
    await session.openPage(youtube);
    const opened = await openPageWithTabId(session, hackerNews);
    page = opened.page;
    popup = await openPopupFor(session, opened.tabId);
  });
  afterAll(() => session?.close());

  it('describes the fixture tab and lists its repeat sender with the right count', async () => {
    await waitForSender(popup, repeatSender);
    const row = senderRow(popup, repeatSender).first();
    expect(await row.locator('.row-name').textContent()).toBe(repeatSender); // Hacker News shows handles only
    expect(await row.locator('.row-sub').textContent()).toContain('Hacker News');
    expect(await row.locator('.count').textContent()).toMatch(/×3\b/);
    await poll(() => popup.getByRole('tab', { name: /Senders/ }).textContent()).toMatch(/Senders\d+/);
    // The tab's own summary, as the content script reported it (the popup reads it once, so reload).
    const card = popup.getByRole('region', { name: 'Hacker News' });
    await poll(async () => {
      await popup.reload();
      await card.locator('.pill').waitFor();
      return `${await card.locator('.pill').textContent()} ${await card.locator('.stat dd').first().textContent()}`;
    }).toMatch(/^Active [1-9]/);
  });

  it('expanding a row shows the copies with what differs and links back to the page', async () => {
    const row = senderRow(popup, repeatSender).first();
    await row.getByRole('button', { name: /Show copies by/ }).click();
    const copies = row.getByRole('list', { name: /copies, side by side/ });
    await poll(() => copies.getByRole('listitem').count()).toBeGreaterThanOrEqual(3);
    expect(await copies.locator('ins, del').count()).toBeGreaterThan(0);
    const href = await copies.getByRole('link').first().getAttribute('href');
    expect(href).toMatch(/^https:\/\/(news\.ycombinator\.com|www\.youtube\.com)\//);
    await row.getByRole('button', { name: /Show copies by/ }).click();
  });

  it('takes light and dark screenshots of the popup with real data', async () => {
    await popup.emulateMedia({ colorScheme: 'light' });
    await popup.screenshot({ path: screenshotPath('popup-light.png') });
    await popup.emulateMedia({ colorScheme: 'dark' });
    const row = senderRow(popup, repeatSender).first();
    await row.getByRole('button', { name: /Show copies by/ }).click();
    await row.getByRole('list', { name: /copies, side by side/ }).waitFor();
    await popup.screenshot({ path: screenshotPath('popup-dark.png') });
    await row.getByRole('button', { name: /Show copies by/ }).click();
    await popup.emulateMedia({ colorScheme: 'light' });
  });

  it('is keyboard operable: arrow keys move between tabs, focus is visible', async () => {
    await popup.getByRole('tab', { name: /Senders/ }).focus();
    await popup.keyboard.press('ArrowRight');
    const templates = popup.getByRole('tab', { name: /Templates/ });
    expect(await templates.getAttribute('aria-selected')).toBe('true');
    expect(await templates.evaluate((node) => node === document.activeElement)).toBe(true);
    expect(await templates.evaluate((node) => getComputedStyle(node).boxShadow)).not.toBe('none');
    await popup.keyboard.press('Home');
    expect(await popup.getByRole('tab', { name: /Senders/ }).getAttribute('aria-selected')).toBe('true');
  });

  it('Mute hides the sender’s messages on the page', async () => {
    expect(await page.locator(mutedSelector).count()).toBe(0);
    const row = senderRow(popup, repeatSender).first();
    await row.getByRole('button', { name: 'Mute', exact: true }).click();
    await row.getByRole('menuitem', { name: 'For good' }).click();
    await poll(() => popup.locator('.notice').textContent()).toBe(`Muted ${repeatSender}.`);
    await poll(() => page.locator(mutedSelector).count()).toBe(4);
    const hiddenTexts = await page.locator(mutedSelector).allTextContents();
    expect(hiddenTexts.every((text) => text.includes(repeatSender))).toBe(true);
    await popup.getByRole('tab', { name: /Muted/ }).click();
    await poll(() => popup.getByTestId('mute-row').filter({ hasText: repeatSender }).count()).toBe(1);
    await popup.getByRole('tab', { name: /Senders/ }).click();
  });

  it('Forget removes the sender from the list', async () => {
    await waitForSender(popup, secondSender);
    await senderRow(popup, secondSender).first().getByRole('button', { name: 'Forget' }).click();
    await poll(() => senderRow(popup, secondSender).count()).toBe(0);
    await popup.reload();
    await popup.getByRole('tablist').waitFor();
    await poll(() => popup.getByTestId('sender-row').count()).toBeGreaterThan(0);
    expect(await senderRow(popup, secondSender).count()).toBe(0);
  });

  it('an export imported into a fresh profile restores the mutes', async () => {
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options/index.html`);
    await options.setViewportSize({ width: 1000, height: 1700 });
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export…' }).click(),
    ]);
    const file = await download.path();
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toBeTypeOf('object');
    await options.emulateMedia({ colorScheme: 'light' });
    await options.screenshot({ path: screenshotPath('options.png'), fullPage: true });

    const fresh = await launchChromium();
    try {
      const freshOptions = await fresh.context.newPage();
      await freshOptions.goto(`chrome-extension://${fresh.extensionId}/options/index.html`);
      await freshOptions.getByLabel('Import…').setInputFiles(file);
      await poll(() => freshOptions.locator('.result').textContent()).toMatch(/^Imported [1-9]\d* mutes/);
      const freshPopup = await fresh.openPopup();
      await freshPopup.getByRole('tab', { name: /Muted/ }).click();
      await poll(() => freshPopup.getByTestId('mute-row').filter({ hasText: repeatSender }).count()).toBe(1);
    } finally {
      await fresh.close();
    }
  });
});

describe('popup status of a recognised page (Chromium)', () => {
  let session: ChromiumSession | undefined;
  afterAll(() => session?.close());

  /** The HN fixture as the site might serve it: its comment rows renamed, or no comments at all. */
  const thread = fs.readFileSync('tests/fixtures/pages/hackernews/item.html', 'utf8');
  const lines = thread.split('\n');
  const treeStart = lines.findIndex((line) => line.includes('class="comment-tree"'));
  const treeEnd = lines.findIndex((line) => line.startsWith('</tbody></table>'));
  const variants = {
    renamed: thread.replaceAll('athing comtr', 'athing comrow'),
    empty: [...lines.slice(0, treeStart + 1), ...lines.slice(treeEnd)].join('\n'),
  };

  it.each([
    ['renamed', 'Cannot read messages', "the site's layout may have changed"],
    ['empty', 'Active', 'is reading the messages on this page'],
  ] as const)('says so when the comments are %s', async (variant, pill, detail) => {
    session ??= await launchChromium();
    const url = `https://news.ycombinator.com/item?id=${variant === 'renamed' ? 1001 : 1002}`;
    await session.context.route(url, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: variants[variant] }),
    );
    const { tabId } = await openPageWithTabId(session, url);
    await poll(async () => {
      const popup = await openPopupFor(session as ChromiumSession, tabId);
      const text = `${await popup.locator('.tab-card .pill').textContent()} ${await popup.locator('.status-detail').textContent()}`;
      await popup.close();
      return text;
    }).toMatch(new RegExp(`^${pill} .*${detail}`));
  });

  it('says so when only a frame shows comments it cannot read (a Disqus embed with renamed hooks)', async () => {
    session ??= await launchChromium();
    const embed = Object.keys(fixturePages()).find((key) => key.startsWith('https://disqus.com/embed/')) ?? '';
    const renamed = fs
      .readFileSync('tests/fixtures/pages/disqus/embed.html', 'utf8')
      .replaceAll('data-role="post-content"', 'data-role="post-body"');
    await session.context.route(embed, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: renamed }),
    );
    const { tabId } = await openPageWithTabId(session, 'https://www.technewsdaily.example/2026/11/driftwood-notes-1-0');
    await poll(async () => {
      const popup = await openPopupFor(session as ChromiumSession, tabId);
      const text = `${await popup.locator('.tab-card .pill').textContent()} ${await popup.locator('.status-detail').textContent()}`;
      await popup.close();
      return text;
    }).toMatch(/^Cannot read messages .*the site's layout may have changed/);
  });
});
