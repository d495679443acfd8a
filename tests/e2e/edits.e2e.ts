import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { type ChromiumSession, launchChromium } from './lib/chromium';
import { fixturePages } from './lib/fixtures';
import type { MarkedMessage } from './lib/marked-messages';
import { untilJudged } from './lib/until-judged';

// A comment edited in place keeps its id and gets a new text: it is judged again by that text (release build,
// Chromium, the YouTube comments fixture), and the history follows the text the page shows.

const pageUrl = Object.keys(fixturePages()).find((key) => key.startsWith('https://www.youtube.com/watch')) ?? '';
const repeat = 'working from home with one simple app';
const pitch = 'I made $4,800 last week working from home with one simple app. Check my profile to start today!';
/** The same sender's ordinary comment. */
const ordinary = 'What software do you use to edit your videos?';

/** Sets the text of the comment whose text includes `from`, as the site's own script would; returns its id. */
const editComment = (page: Page, from: string, to: string) =>
  page.evaluate(
    ([before, after]) => {
      const item = [...document.querySelectorAll('ytd-comment-view-model')].find((element) =>
        element.querySelector('#content-text')?.textContent?.includes(before as string),
      );
      const body = item?.querySelector('#content-text');
      if (!item || !body) throw new Error(`no comment with ${before}`);
      body.textContent = after as string;
      return item.getAttribute('data-uncanned-id') ?? '';
    },
    [from, to],
  );

const byId = (rows: MarkedMessage[], id: string) => rows.find((row) => row.id === id);

let session: ChromiumSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('edited comments (Chromium)', () => {
  it('judges an edited comment by its new text, both ways, and again after a reload', async () => {
    session = await launchChromium();
    const page = await session.openPage(pageUrl);
    const before = await untilJudged(page, (rows) => rows.filter((row) => row.text.includes(repeat)).length === 3);
    const cannedIds = (rows: MarkedMessage[]) =>
      rows
        .filter((row) => row.judged === 'canned')
        .map((row) => row.id)
        .sort();
    const cannedBefore = cannedIds(before);
    expect(before.filter((row) => row.text.includes(repeat)).every((row) => row.judged === 'canned')).toBe(true);

    // A canned copy edited into an ordinary comment loses its chip; the sender's ordinary one edited into their pitch
    // gets one.
    const calmed = await editComment(page, repeat, 'Edit: never mind, I found the answer in the description.');
    const turned = await editComment(page, ordinary, pitch);
    const edited = await untilJudged(page, (rows) => {
      const [a, b] = [byId(rows, calmed), byId(rows, turned)];
      return a?.judged === 'clean' && a.controls === 0 && b?.judged === 'canned' && b.controls === 1;
    });
    expect(cannedIds(edited)).toEqual([...cannedBefore.filter((id) => id !== calmed), turned].sort());

    // The fixture shows the first texts again: the stored texts follow the page, so the verdicts do too.
    await page.reload();
    const after = await untilJudged(page, (rows) => byId(rows, calmed)?.judged === 'canned');
    expect(cannedIds(after)).toEqual(cannedBefore);
    expect(byId(after, turned)).toMatchObject({ judged: 'clean', controls: 0 });
  });

  it('keeps judging a comment by its own text when the viewer has it translated', async () => {
    session = await launchChromium();
    const page = await session.openPage(pageUrl);
    const before = await untilJudged(page, (rows) => rows.filter((row) => row.text.includes(repeat)).length === 3);
    const copy = before.find((row) => row.text.includes(repeat) && row.judged === 'canned');
    expect(copy).toBeDefined();
    // As YouTube does: a "Translate to English" button under the comment swaps its text once the translation
    // arrives (here a Spanish one, so the new text has no copies at all).
    await page.evaluate((id) => {
      const item = document.querySelector(`[data-uncanned-id="${id}"]`);
      const button = Object.assign(document.createElement('button'), { textContent: 'Translate to English' });
      button.className = 'translate-button';
      button.addEventListener('click', () =>
        setTimeout(() => {
          const body = item?.querySelector('#content-text');
          if (body) body.textContent = 'Gané 4.800 dólares la semana pasada trabajando desde casa con una sola app.';
        }, 300),
      );
      item?.querySelector('#content')?.append(button);
    }, copy?.id);
    await page.locator(`[data-uncanned-id="${copy?.id}"] button.translate-button`).click();
    await page.waitForFunction(
      (id) => document.querySelector(`[data-uncanned-id="${id}"] #content-text`)?.textContent?.startsWith('Gané'),
      copy?.id,
    );
    await page.waitForTimeout(1_500); // a read and a round trip would have taken the chip away by now
    const translated = await untilJudged(page, () => true);
    expect(byId(translated, copy?.id ?? '')).toMatchObject({ judged: 'canned', controls: 1 });
  });
});
