import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, describe, expect, it } from 'vitest';
import { type FirefoxSession, launchFirefox } from './lib/firefox';
import { fixturePages } from './lib/fixtures';
import { type MarkedMessage, readMarkedMessages } from './lib/marked-messages';
import { waitFor } from './lib/poll';

// The same in-page flow as content.e2e.ts, in Firefox ESR with the e2e build (puppeteer-core over BiDi), on
// three sites: flagging, Mute repeat sender in this tab and a second one, reload, ordinary comments untouched.

const url = (prefix: string) => Object.keys(fixturePages()).find((key) => key.startsWith(prefix)) ?? prefix;
const repeat = 'working from home with one simple app';
const clean = 'Pricing question';
const sites = [
  ['hackernews', url('https://news.ycombinator.com/')],
  ['reddit (new)', url('https://www.reddit.com/')],
  ['youtube comments', url('https://www.youtube.com/watch')],
] as const;

type Row = MarkedMessage;

const snapshot = (page: Page): Promise<Row[]> => page.evaluate(readMarkedMessages);

const isJudged = (rows: Row[]) => {
  const copies = rows.filter((row) => row.text.includes(repeat));
  return (
    rows.some((row) => row.text.includes(clean)) &&
    copies.length >= 2 &&
    rows.every((row) => row.judged) &&
    copies.every((row) => row.judged === 'canned' && row.controls === 1) // the chip follows the mark a frame later
  );
};
const mutedHidden = (rows: Row[]) => rows.filter((row) => row.hidden === 'muted' && !row.visible).length;

describe.each(sites)('in-page flow on %s (Firefox ESR)', (_name, pageUrl) => {
  let session: FirefoxSession | undefined;
  afterAll(() => session?.close());

  it('flags, mutes in both tabs within a second, keeps the mute after reload', async () => {
    session = await launchFirefox();
    const first = await session.openPage(pageUrl);
    expect(isJudged(await waitFor(() => snapshot(first), isJudged, 15_000))).toBe(true);
    const second = await session.openPage(pageUrl);
    expect(isJudged(await waitFor(() => snapshot(second), isJudged, 15_000))).toBe(true);
    await first.bringToFront();
    const button = (await first.evaluateHandle((text) => {
      const item = [...document.querySelectorAll('[data-uncanned="canned"]')].find((e) =>
        e.textContent?.includes(text),
      );
      return item
        ?.querySelector('uncanned-controls')
        ?.shadowRoot?.querySelector('button[aria-label="Mute repeat sender"]');
    }, repeat)) as ElementHandle<HTMLButtonElement>;
    // Keyboard: the explanation opens with Enter and closes with Escape, focus back on the chip.
    const chip = (await button.evaluateHandle((mute) =>
      (mute.getRootNode() as ShadowRoot).querySelector('.chip'),
    )) as ElementHandle<HTMLButtonElement>;
    const expanded = () => chip.evaluate((element) => element.getAttribute('aria-expanded'));
    await chip.focus();
    await first.keyboard.press('Enter');
    expect(await waitFor(expanded, (value) => value === 'true', 2_000)).toBe('true');
    await first.keyboard.press('Escape');
    expect(await waitFor(expanded, (value) => value === 'false', 2_000)).toBe('false');
    expect(await chip.evaluate((element) => (element.getRootNode() as ShadowRoot).activeElement === element)).toBe(
      true,
    );

    await button.click();
    const clicked = Date.now();
    expect(
      mutedHidden(
        await waitFor(
          () => snapshot(first),
          (rows) => mutedHidden(rows) === 4,
          1_000,
        ),
      ),
    ).toBe(4);
    expect(
      mutedHidden(
        await waitFor(
          () => snapshot(second),
          (rows) => mutedHidden(rows) === 4,
          2_000,
        ),
      ),
    ).toBe(4);
    console.info(`${pageUrl}: second tab hidden after ${Date.now() - clicked} ms`);
    // The pressed button's message collapsed: the focus is on its stub's "Show", not back at the top of the page.
    const pressed = await button.evaluate((mute) =>
      (mute.getRootNode() as ShadowRoot).host.closest('[data-uncanned-id]')?.getAttribute('data-uncanned-id'),
    );
    const focused = () =>
      first.evaluate(() => {
        const active = document.activeElement;
        const label = active?.shadowRoot?.activeElement?.textContent ?? '';
        return `${active?.closest('[data-uncanned-stub-for]')?.getAttribute('data-uncanned-stub-for')}/${label}`;
      });
    expect(await waitFor(focused, (value) => value === `${pressed}/Show`, 1_000)).toBe(`${pressed}/Show`);
    const ordinary = (await snapshot(first)).find((row) => row.text.includes(clean));
    expect(ordinary).toMatchObject({ judged: 'clean', hidden: null, visible: true });

    await first.reload();
    expect(
      mutedHidden(
        await waitFor(
          () => snapshot(first),
          (rows) => mutedHidden(rows) === 4,
          15_000,
        ),
      ),
    ).toBe(4);
    expect((await snapshot(first)).find((row) => row.text.includes(clean))).toMatchObject({ visible: true });
  });
});
