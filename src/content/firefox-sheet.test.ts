// @vitest-environment happy-dom
// content.css, Firefox's hold and wait rules (firefox-sheet.ts), written from the adapters at build time.
import { describe, expect, it } from 'vitest';
import { adapters } from './adapters/index';
import { firefoxSheet, splitSelectorList } from './firefox-sheet';
import { testAdapter } from './test-messages';

describe('firefoxSheet', () => {
  it('splits selector lists only at their top-level commas', () => {
    expect(splitSelectorList('a, b:is(c, d), [e="f,g"], h:not(\'i,j\')')).toEqual([
      'a',
      'b:is(c, d)',
      '[e="f,g"]',
      "h:not('i,j')",
    ]);
  });

  it('has one rule per item selector for the hold and for each wait, each off until the root turns it on', () => {
    const chat = { ...testAdapter, id: 'youtube' as const, item: ['div.message', 'li.row'], unhookedItems: 'li.row' };
    const rules = firefoxSheet([chat]).trim().split('\n').slice(1);
    expect(rules).toEqual([
      ':root[data-uncanned-hold~="youtube"] div.message{visibility:hidden!important}',
      ':root[data-uncanned-hold~="youtube"] li.row{visibility:hidden!important}',
      ':root[data-uncanned-wait="data-uncanned"][data-uncanned-site="youtube"]:not([data-uncanned-behind]) div.message:not([data-uncanned]):not([data-uncanned-unread]){visibility:hidden!important}',
      ':root[data-uncanned-wait="data-uncanned"][data-uncanned-site="youtube"]:not([data-uncanned-behind]) li.row:not([data-uncanned]):not([data-uncanned-unread]){visibility:hidden!important}',
      ':root[data-uncanned-wait="data-uncanned-id"][data-uncanned-site="youtube"]:not([data-uncanned-behind]) li.row:not([data-uncanned-id]):not([data-uncanned-unread]){visibility:hidden!important}',
    ]);
  });

  it('covers every adapter with selectors a browser accepts', () => {
    const sheet = firefoxSheet();
    for (const adapter of adapters) expect(sheet).toContain(`[data-uncanned-hold~="${adapter.id}"]`);
    for (const rule of sheet.trim().split('\n').slice(1)) {
      const selector = rule.slice(0, rule.lastIndexOf('{'));
      expect(() => document.querySelector(selector), selector).not.toThrow();
    }
  });
});
