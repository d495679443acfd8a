import { afterEach, describe, expect, it } from 'vitest';
import { virtualPage } from '../../bench/lib/youtube-page';
import { type ChromiumSession, launchChromium } from './lib/chromium';
import { fixturePages } from './lib/fixtures';
import type { MarkedMessage } from './lib/marked-messages';
import { untilJudged } from './lib/until-judged';

// In-page flows beyond flag-and-mute, on the YouTube comments fixture (release build, Chromium): Not canned,
// "Hide only their canned replies", cannedAction 'hide' from settings, SPA navigation and a recycled element.

const pageUrl = Object.keys(fixturePages()).find((key) => key.startsWith('https://www.youtube.com/watch')) ?? '';
const repeat = 'working from home with one simple app';
const ordinary = 'What software do you use to edit your videos?';
const clean = 'Pricing question';

type Row = MarkedMessage;

const copies = (rows: Row[]) => rows.filter((row) => row.text.includes(repeat));
const withText = (rows: Row[], text: string) => rows.find((row) => row.text.includes(text));

const flagged = (rows: Row[]) => copies(rows).length === 3 && copies(rows).every((row) => row.judged === 'canned');

let session: ChromiumSession | undefined;

/** The popup's "This tab" figures for a tab, once it has any. */
async function tabFigures(tabId: number): Promise<{ read: string | null; canned: string | null }> {
  const popup = await session?.openPopup(tabId);
  if (!popup) throw new Error('no session');
  const stat = (label: string) => popup.locator('.stat', { hasText: label }).locator('dd').textContent();
  await expect.poll(() => stat('Read')).not.toBe('–');
  const figures = { read: await stat('Read'), canned: await stat('Canned') };
  await popup.close();
  return figures;
}
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('content flows on YouTube comments (Chromium)', () => {
  it('Not canned clears the chip on every copy of the cluster, and stays clean after a reload', async () => {
    session = await launchChromium();
    const page = await session.openPage(pageUrl);
    await untilJudged(page, (rows) => flagged(rows) && copies(rows).every((row) => row.controls === 1));
    await page
      .locator('[data-uncanned="canned"]', { hasText: repeat })
      .first()
      .getByRole('button', { name: 'Not canned' })
      .click();
    const isCleared = (rows: Row[]) => copies(rows).every((row) => row.judged === 'clean' && row.controls === 0);
    await untilJudged(page, isCleared, 2_000);
    // The button went with the controls: focus moved into the message, not back to the top of the page.
    expect(await page.evaluate(() => document.activeElement?.closest('[data-uncanned]')?.textContent)).toContain(
      repeat,
    );
    await page.reload();
    const after = await untilJudged(page, (rows) => copies(rows).length === 3 && isCleared(rows));
    expect(withText(after, clean)).toMatchObject({ judged: 'clean', visible: true });
  });

  it('"Hide only their canned replies" hides the copies but not the same sender\'s ordinary comment', async () => {
    session = await launchChromium();
    const page = await session.openPage(pageUrl);
    await untilJudged(page, (rows) => flagged(rows) && copies(rows).every((row) => row.controls === 1));
    const item = page.locator('[data-uncanned="canned"]', { hasText: repeat }).first();
    await item.locator('uncanned-controls .chip').click();
    await item.getByRole('button', { name: 'Hide only their canned replies' }).click();
    const rows = await untilJudged(
      page,
      (all) => copies(all).every((row) => row.hidden === 'muted' && !row.visible),
      2_000,
    );
    expect(withText(rows, ordinary)).toMatchObject({ judged: 'clean', hidden: null, visible: true });
    expect(withText(rows, clean)).toMatchObject({ hidden: null, visible: true });
  });

  it('keyboard: Escape closes the explanation, Mute moves focus to the stub; controls follow a theme switch', async () => {
    session = await launchChromium();
    const page = await session.openPage(pageUrl);
    await untilJudged(page, (rows) => flagged(rows) && copies(rows).every((row) => row.controls === 1));
    const themes = () => page.$$eval('uncanned-controls', (hosts) => hosts.map((host) => host.dataset.theme));
    expect(new Set(await themes())).toEqual(new Set(['dark'])); // the fixture is YouTube's dark theme
    await page.evaluate(() => document.documentElement.removeAttribute('dark'));
    await expect.poll(async () => [...new Set(await themes())], { timeout: 2_000 }).toEqual(['light']);

    const item = page.locator('[data-uncanned="canned"]', { hasText: repeat }).first();
    const chip = item.locator('uncanned-controls .chip');
    await chip.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => chip.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    await expect.poll(() => chip.getAttribute('aria-expanded')).toBe('false');
    expect(await chip.evaluate((element) => (element.getRootNode() as ShadowRoot).activeElement === element)).toBe(
      true,
    );

    const id = await item.getAttribute('data-uncanned-id');
    await item.getByRole('button', { name: 'Mute repeat sender' }).focus();
    await page.keyboard.press('Enter');
    const focused = () =>
      page.evaluate(() => {
        const active = document.activeElement;
        const label = active?.shadowRoot?.activeElement?.textContent ?? '';
        return `${active?.localName}/${active?.closest('[data-uncanned-stub-for]')?.getAttribute('data-uncanned-stub-for')}/${label}`;
      });
    // The stub of the message whose Mute was pressed, of the four now collapsed.
    await expect.poll(focused, { timeout: 2_000 }).toBe(`uncanned-stub/${id}/Show`);
  });

  it("cannedAction 'hide' set from an extension page hides canned messages, nothing else", async () => {
    session = await launchChromium();
    const popup = await session.openPopup();
    await popup.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'updateSettings', input: { settings: { cannedAction: 'hide' } } }),
    );
    const page = await session.openPage(pageUrl);
    const rows = await untilJudged(page, (all) =>
      copies(all).every((row) => row.judged === 'canned' && row.hidden === 'canned' && !row.visible),
    );
    expect(copies(rows)).toHaveLength(3);
    expect(await page.locator('uncanned-stub').count()).toBe(0); // hide leaves no stub
    expect(withText(rows, ordinary)).toMatchObject({ hidden: null, visible: true });
  });

  it('reads the new comments after an SPA navigation swaps the list', async () => {
    session = await launchChromium();
    const page = await session.openPage(pageUrl);
    const before = await untilJudged(page, flagged);
    // What YouTube does on navigation: a new URL by pushState, the same renderers filled with other comments.
    await page.evaluate(() => {
      history.pushState({}, '', '/watch?v=Dr1ftW00d11');
      const items = [...document.querySelectorAll('ytd-comment-view-model')];
      items.forEach((item, index) => {
        const link = item.querySelector('#published-time-text a');
        link?.setAttribute('href', `/watch?v=Dr1ftW00d11&lc=UgzSpaNavigation${String(index).padStart(4, '0')}AaABAg`);
        const text = item.querySelector('#content-text');
        if (text) text.textContent = `Second video, comment number ${index}: the lighting in this one is much better`;
      });
    });
    // Wait until the pipeline has re-read every swapped element (their old marks stay until it does).
    const after = await untilJudged(page, (rows) => rows.every((row) => row.id.startsWith('UgzSpaNavigation')));
    expect(after.every((row) => row.text.includes('Second video, comment number'))).toBe(true);
    expect(after.map((row) => row.id).filter((id) => before.some((old) => old.id === id))).toEqual([]);
    expect(after.filter((row) => !row.id.startsWith('UgzSpaNavigation'))).toEqual([]);
    expect(after).toHaveLength(before.length); // every swapped element was read again under its new id
  });

  it('counts only the new comments when an SPA changes its address before it renders the new page', async () => {
    session = await launchChromium();
    const page = await session.openPage(pageUrl);
    const tabId = await session.tabIdOf(page);
    const before = await untilJudged(page, flagged);
    await page.waitForTimeout(2_500); // read well before the address changes: the old page's
    await page.evaluate(() => {
      history.pushState({}, '', '/watch?v=Dr1ftW00d12');
      document.body.append(Object.assign(document.createElement('div'), { id: 'progress' })); // a loading bar
    });
    await page.waitForTimeout(1_000); // the change makes the script look again: the old comments, new address
    await page.evaluate(() => {
      for (const [index, item] of document.querySelectorAll('ytd-comment-view-model').entries()) {
        const link = item.querySelector('#published-time-text a');
        link?.setAttribute('href', `/watch?v=Dr1ftW00d12&lc=UgzAddressFirst${String(index).padStart(4, '0')}AaABAg`);
        const text = item.querySelector('#content-text');
        if (text) text.textContent = `Third video, comment ${index}: ${'abcdefghijklmnop'.slice(index)} sound check`;
      }
    });
    const after = await untilJudged(page, (rows) => rows.every((row) => row.id.startsWith('UgzAddressFirst')));
    await page.waitForTimeout(1_500); // reports wait until the counts are still
    const canned = after.filter((row) => row.judged === 'canned').length;
    // Each swapped element once; it was twice as many (the old comments counted for the new page too).
    expect(await tabFigures(tabId)).toEqual({ read: String(before.length), canned: String(canned) });
  });

  it('re-judges an element a virtualized list re-uses for another message', async () => {
    session = await launchChromium();
    const page = await session.openPage(pageUrl);
    await untilJudged(page, flagged);
    // Recycle the ordinary "Pricing question" element into a fourth canned copy from another account.
    const reused = await page.evaluate((text) => {
      const item = [...document.querySelectorAll('ytd-comment-view-model')].find((element) =>
        element.querySelector('#content-text')?.textContent?.includes(text),
      );
      if (!item) throw new Error('no item');
      item
        .querySelector('#published-time-text a')
        ?.setAttribute('href', '/watch?v=Dr1ftW00d10&lc=UgzRecycled0001AaABAg');
      item.querySelector('#author-text')?.setAttribute('href', '/@quickgains-hub');
      const body = item.querySelector('#content-text');
      if (body)
        body.textContent =
          'I made $4,800 last week working from home with one simple app. Check my profile to start today!';
      return item.getAttribute('data-uncanned-id');
    }, clean);
    // The chip follows the mark once the item is near the viewport (an IntersectionObserver callback, a frame
    // later), so wait for both.
    const rows = await untilJudged(page, (all) =>
      all.some((row) => row.id === 'UgzRecycled0001AaABAg' && row.judged === 'canned' && row.controls === 1),
    );
    expect(rows.some((row) => row.id === reused)).toBe(false);
    expect(rows.filter((row) => row.id === 'UgzRecycled0001AaABAg')).toMatchObject([{ judged: 'canned', controls: 1 }]);
  });
  it('counts each message of a virtualized feed once, after scrolling past the page memory and back', async () => {
    session = await launchChromium();
    // 4,000 comments, 25 in the DOM at a time: the page forgets the first ones (it keeps ~3,000 ids) by the end.
    const feedUrl = 'https://www.youtube.com/watch?v=Virtual4000';
    await session.context.route(feedUrl, (route) =>
      route.fulfill({ contentType: 'text/html', body: virtualPage(4_000) }),
    );
    const page = await session.openPage(feedUrl);
    // The list renders on the scroll event, a frame later: wait for the row at the new position and for its reads,
    // noting every id shown as canned on the way (what the Canned figure must count, each once).
    const rowsReadAt = (y: number) =>
      page.waitForFunction((top) => {
        const rows = [...document.querySelectorAll<HTMLElement>('#contents > div')];
        const isRendered = rows.some((row) => row.style.top === `${Math.floor(top / 100) * 100}px`);
        return isRendered && rows.every((row) => row.querySelector('[data-uncanned]'));
      }, y);
    const cannedShown = () =>
      page.evaluate(() => {
        const noted = window as unknown as { cannedIds?: Set<string> };
        noted.cannedIds ??= new Set();
        for (const item of document.querySelectorAll('[data-uncanned="canned"]'))
          noted.cannedIds.add(item.getAttribute('data-uncanned-id') ?? '');
        return noted.cannedIds.size;
      });
    const scrollThrough = async (from: number, to: number) => {
      const step = from < to ? 1_800 : -1_800;
      const stops = Array.from({ length: Math.floor(Math.abs(to - from) / 1_800) + 1 }, (_, n) => from + n * step);
      for (const y of [...stops, to]) {
        await page.evaluate((top) => window.scrollTo(0, top), y);
        await rowsReadAt(y);
        await cannedShown();
      }
    };
    const end = 4_000 * 100 - 900; // the last position the 900 px viewport can scroll to
    const tabId = await session.tabIdOf(page);
    const stats = async () => {
      const figures = await tabFigures(tabId);
      return { read: figures.read, canned: Number(figures.canned) };
    };
    /** The popup's figures once they match the page: 4,000 read, Canned = the distinct ids shown canned so far. */
    const settled = async () => {
      const figures = async () => ({ ...(await stats()), shown: await cannedShown() });
      type Figures = Awaited<ReturnType<typeof figures>>;
      const isSettled = (value: Figures) => value.read === '4,000' && value.canned === value.shown;
      await expect.poll(figures, { timeout: 5_000 }).toSatisfy(isSettled);
      return figures();
    };

    await scrollThrough(0, end);
    expect((await settled()).canned).toBeGreaterThan(100); // every 25th comment is a copy from one sender
    await page.bringToFront();
    // Back to the top: the forgotten ids come back. Read stays; Canned grows only by earlier copies that turned
    // canned after they were forgotten (their cluster grew later), each counted once.
    await scrollThrough(end, 0);
    await settled();
  });

  it("keeps a tab's counts when the page reloads (its Disqus frame comes back under a new frame id)", async () => {
    session = await launchChromium();
    const page = await session.openPage('https://www.technewsdaily.example/2026/11/driftwood-notes-1-0');
    const tabId = await session.tabIdOf(page);
    const card = () => tabFigures(tabId);
    const cannedInFrame = async () =>
      (await page
        .frames()
        .find((frame) => frame.url().startsWith('https://disqus.com/embed/'))
        ?.locator('[data-uncanned="canned"]')
        .count()) ?? 0;
    await expect.poll(cannedInFrame, { timeout: 10_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(1_500); // every copy judged and reported (reports wait until counts are still)
    const shown = await cannedInFrame();
    const first = await card();
    expect(Number(first.canned)).toBe(shown);
    await page.bringToFront();
    await page.reload();
    await expect.poll(cannedInFrame, { timeout: 10_000 }).toBe(shown);
    await page.waitForTimeout(1_500);
    expect(await card()).toEqual(first); // it was twice as much: the old frame's counts stayed in the tab's sum
  });
});
