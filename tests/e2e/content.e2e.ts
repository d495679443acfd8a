import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { type ChromiumSession, launchChromium } from './lib/chromium';
import { fixturePages } from './lib/fixtures';
import { type MarkedMessage, readMarkedMessages } from './lib/marked-messages';
import { screenshotPath } from './lib/screenshots';

// In-page flow on every adapter's fixture page, served under the real URL, with the release build:
// flagging on first visit, chip + explanation, Mute repeat sender in this tab and a second tab, reload, and
// ordinary comments left alone. Each site gets a fresh profile so mutes and history never leak between sites.

interface Case {
  url: string;
  /** Text in every canned copy of the repeat sender. */
  repeat: string;
  /** Text of an ordinary comment that must stay clean and visible. */
  clean: string;
  /** All messages of the repeat sender on the page (canned copies + ordinary ones). */
  senderTotal: number;
  /** Sites on any host: the extension only runs there after the user grants the origin. */
  anyHost?: boolean;
  /** The layout has no CSS hook for the sender (chat, messaging): hidden by the pipeline, not pre-hidden. */
  noPrehide?: boolean;
}

const thread = { repeat: 'working from home with one simple app', clean: 'Pricing question', senderTotal: 4 };
const url = (prefix: string) => Object.keys(fixturePages()).find((key) => key.startsWith(prefix)) ?? prefix;
const cases: Record<string, Case> = {
  bluesky: { url: url('https://bsky.app/'), ...thread },
  disqus: { url: url('https://disqus.com/embed/comments/'), ...thread },
  facebook: { url: url('https://www.facebook.com/'), ...thread },
  github: { url: url('https://github.com/'), ...thread },
  hackernews: { url: url('https://news.ycombinator.com/'), ...thread },
  instagram: { url: url('https://www.instagram.com/'), ...thread },
  'linkedin feed': { url: url('https://www.linkedin.com/feed/'), ...thread },
  'linkedin messaging': {
    url: url('https://www.linkedin.com/messaging/'),
    repeat: 'exciting opportunity',
    clean: 'not looking right now',
    senderTotal: 4,
    noPrehide: true,
  },
  mastodon: { url: url('https://mastodon.social/'), ...thread, anyHost: true },
  'reddit (new)': { url: url('https://www.reddit.com/'), ...thread },
  'reddit (old)': { url: url('https://old.reddit.com/'), ...thread },
  wordpress: { url: url('https://www.notesandtools.blog/'), ...thread, anyHost: true },
  x: { url: url('https://x.com/'), ...thread },
  'youtube comments': { url: url('https://www.youtube.com/watch'), ...thread },
  'youtube live chat': {
    url: url('https://www.youtube.com/live_chat'),
    repeat: 'Free gift card',
    clean: 'greetings from Lisbon',
    senderTotal: 3,
    noPrehide: true,
  },
};

type Row = MarkedMessage;

const snapshot = (page: Page): Promise<Row[]> => page.evaluate(readMarkedMessages);

const ofSender = (rows: Row[], text: string) => rows.filter((row) => row.text.includes(text));

/** Waits until every message is judged and the repeat sender's copies are flagged. */
async function judged(page: Page, test: Case): Promise<Row[]> {
  let rows: Row[] = [];
  await expect
    .poll(
      async () => {
        rows = await snapshot(page);
        const repeat = ofSender(rows, test.repeat);
        const hasClean = rows.some((row) => row.text.includes(test.clean));
        return (
          hasClean &&
          repeat.length >= 2 &&
          rows.every((row) => row.judged) &&
          repeat.every((row) => row.judged === 'canned')
        );
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  return rows;
}

/** A copy of dist/chrome whose manifest also matches the any-host fixture origins, as the background's
 * registration does once the user grants them (the permission prompt itself cannot be driven headless). */
function grantedBuild(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uncanned-granted-'));
  fs.cpSync('dist/chrome', dir, { recursive: true });
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const origins = Object.values(cases)
    .filter((test) => test.anyHost)
    .map((test) => `${new URL(test.url).origin}/*`);
  manifest.content_scripts[0].matches.push(...origins);
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

const timings: string[] = [];
afterAll(() => console.info(`second-tab hide latency:\n${timings.join('\n')}`));

describe.each(Object.entries(cases))('in-page flow on %s (Chromium)', (name, test) => {
  let session: ChromiumSession | undefined;
  afterAll(() => session?.close());

  it('flags canned copies, mutes the repeat sender in both tabs and after reload, leaves ordinary comments alone', async () => {
    session = await launchChromium(test.anyHost ? { extensionDir: grantedBuild() } : {});
    const first = await session.openPage(test.url);
    const rows = await judged(first, test);
    const repeat = ofSender(rows, test.repeat);
    expect(repeat.length).toBeGreaterThanOrEqual(2);
    expect(repeat.every((row) => row.visible)).toBe(true);
    // Chips are inserted once their message is near the viewport, in the frame after the verdict.
    const chipped = async () => ofSender(await snapshot(first), test.repeat).every((row) => row.controls === 1);
    await expect.poll(chipped, { timeout: 2_000 }).toBe(true);
    const clean = rows.filter((row) => row.text.includes(test.clean));
    expect(clean).toHaveLength(1);
    expect(clean[0]).toMatchObject({ judged: 'clean', hidden: null, visible: true, controls: 0 });
    const chip = first.locator('uncanned-controls .chip').first();
    await expect.poll(() => chip.textContent()).toMatch(/^(Canned ×\d+|Same text from \d+ accounts)$/);

    const second = await session.openPage(test.url);
    await judged(second, test);
    await first.bringToFront();
    const mute = first
      .locator('[data-uncanned="canned"]', { hasText: test.repeat })
      .first()
      .getByRole('button', { name: 'Mute repeat sender' })
      .first();
    await mute.click();
    const clicked = Date.now();

    const hiddenCount = async (page: Page) =>
      (await snapshot(page)).filter((row) => row.hidden === 'muted' && !row.visible).length;
    await expect.poll(() => hiddenCount(first), { timeout: 1_000 }).toBe(test.senderTotal);
    await expect.poll(() => hiddenCount(second), { timeout: 2_000, interval: 50 }).toBe(test.senderTotal);
    timings.push(`${name}: ${Date.now() - clicked} ms`);
    await expect.poll(() => first.locator('uncanned-stub').count()).toBe(test.senderTotal); // collapse is the default
    const after = await snapshot(first);
    expect(after.find((row) => row.text.includes(test.clean))).toMatchObject({
      judged: 'clean',
      hidden: null,
      visible: true,
    });
    expect(after.filter((row) => !row.hidden).every((row) => row.visible)).toBe(true);

    await first.reload();
    await expect.poll(() => hiddenCount(first), { timeout: 15_000 }).toBe(test.senderTotal);
    const reloaded = await judged(first, test);
    expect(reloaded.find((row) => row.text.includes(test.clean))).toMatchObject({ judged: 'clean', visible: true });
    expect(await prehidden(first)).toEqual(test.noPrehide ? [] : await mutedIds(first));
  });
});

/** Ids of the elements the pre-hide rules in our page stylesheet match (the adapter's senderSelector). */
const prehidden = (page: Page) =>
  page.evaluate(() => {
    const css = document.getElementById('uncanned-page-style')?.textContent ?? '';
    const selectors = [...css.matchAll(/^:is\((.*)\):not\(\[data-uncanned-revealed\]\)\{/gm)].map((m) => m[1] ?? '');
    const ids = selectors.flatMap((selector) =>
      [...document.querySelectorAll(selector)].map((e) => e.getAttribute('data-uncanned-id')),
    );
    return [...new Set(ids)].sort();
  });

const mutedIds = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[data-uncanned-hidden="muted"]')]
      .map((e) => e.getAttribute('data-uncanned-id'))
      .sort(),
  );

/** Screenshots for docs: a light and a dark page with the chip's explanation open. */
describe('chip screenshots (Chromium)', () => {
  let session: ChromiumSession | undefined;
  afterAll(() => session?.close());

  it.each([
    ['reddit (new)', 'in-page-chip.png'],
    ['youtube comments', 'in-page-chip-dark.png'],
  ] as const)('%s → %s', async (name, file) => {
    const test = cases[name];
    if (!test) throw new Error(name);
    session ??= await launchChromium();
    const page = await session.openPage(test.url);
    await judged(page, test);
    await page.waitForTimeout(1_100); // chip labels catch up at most once a second (chip.ts writeLabels)
    const item = page.locator('[data-uncanned="canned"]', { hasText: test.repeat }).nth(1);
    const chip = item.locator('uncanned-controls .chip').first();
    await chip.click();
    await expect.poll(() => chip.getAttribute('aria-expanded')).toBe('true');
    const panel = item.locator('uncanned-controls .panel').first();
    await expect.poll(() => panel.locator('li').count()).toBeGreaterThan(0);
    await item.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    const [box, popover] = [await item.boundingBox(), await panel.boundingBox()];
    if (!box || !popover) throw new Error('no box');

    const x = Math.max(0, Math.min(box.x, popover.x) - 40);
    const y = Math.max(0, box.y - 80);
    const right = Math.max(box.x + box.width, popover.x + popover.width) + 24;
    const bottom = Math.max(box.y + box.height, popover.y + popover.height) + 60;
    await page.screenshot({ path: screenshotPath(file), clip: { x, y, width: right - x, height: bottom - y } });
  });
});
