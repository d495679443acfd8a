import { Window } from 'happy-dom';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapters } from '../../src/content/adapters/index';
import wordpress from '../../src/content/adapters/wordpress';
import { prehideCss } from '../../src/content/page-style';
import { hostileSenders, testState } from '../../src/content/test-messages';
import type { PageState } from '../../src/shared/views';
import { chromiumPath, quietChromiumArgs } from './lib/chromium';

// The pre-hide stylesheet is built from sender ids the pages give us. Chromium's own CSS parser decides whether a
// hostile id stays inside its selector: one rule per muted sender, none leaking out to hide the page.
// Selectors are built in the page, where CSS.escape exists (WordPress uses it); here Node borrows happy-dom's.
globalThis.CSS ??= new Window().CSS as unknown as typeof CSS;

const hostile = [...hostileSenders, 'normal-handle'];
const state: PageState = {
  ...testState,
  mutedAction: 'hide',
  mutes: hostile.map((sender) => ({ sender, scope: 'all' })),
};

let browser: Awaited<ReturnType<typeof chromium.launch>>;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: chromiumPath, args: quietChromiumArgs });
});
afterAll(() => browser?.close());

describe('pre-hide stylesheet in Chromium', () => {
  it('keeps each hostile sender id inside its own rule, for every adapter', async () => {
    const page = await browser.newPage();
    await page.setContent('<p id="probe">probe</p>');
    for (const adapter of adapters) {
      if (!adapter.senderSelector) continue;
      const parsed = await page.evaluate(
        (css) => {
          const style = document.createElement('style');
          style.textContent = css;
          document.head.append(style);
          const rules = [...(style.sheet?.cssRules ?? [])].map((rule) => rule.cssText);
          const probe = document.getElementById('probe') as HTMLElement;
          const shown =
            getComputedStyle(document.body).display !== 'none' && getComputedStyle(probe).display !== 'none';
          style.remove();
          return { rules, shown };
        },
        prehideCss(adapter, state),
      );
      expect(parsed.shown, adapter.id).toBe(true);
      // Our hiding rule, then one per sender (a rule the parser rejects would be missing, never split in two).
      expect(parsed.rules, adapter.id).toHaveLength(1 + hostile.length);
      for (const rule of parsed.rules.slice(1))
        expect(rule, adapter.id).toMatch(/^:is\(.*\{ display: none !important; \}$/s);
    }
    await page.close();
  });

  // happy-dom mis-reads `:has(> :not(ol) img)`, so the block-theme guest rule is checked here.
  it("matches a WordPress block-theme guest's own comments, not the comment they only replied to", async () => {
    const page = await browser.newPage();
    const [guest, other] = ['a'.repeat(32), 'b'.repeat(32)];
    const avatar = (hash: string) =>
      `<div><img class="avatar" src="https://secure.gravatar.com/avatar/${hash}?s=40"></div>`;
    const thread = (id: number, top: string, reply: string) =>
      `<li id="comment-${id}">${avatar(top)}<ol class="children"><li id="comment-${id + 1}">${avatar(reply)}</li></ol></li>`;
    await page.setContent(
      `<ol class="wp-block-comment-template">${thread(1, other, guest)}${thread(5, guest, guest)}</ol>`,
    );
    const selector = wordpress.senderSelector?.(`gravatar:${guest}`) ?? '';
    const matched = await page.evaluate((css) => [...document.querySelectorAll(css)].map((item) => item.id), selector);
    expect(matched).toEqual(['comment-2', 'comment-5', 'comment-6']);
    await page.close();
  });
});
