// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { defineAdapter } from './adapters/define-adapter';
import { findItems, itemsAfter, parseTime, readText, scopedSelector } from './extract';

describe('extract helpers', () => {
  it('rewrites id selectors (not # inside attribute values) to subtree-matched [id~=]', () => {
    expect(scopedSelector('#published-time-text a[href*="lc="]')).toBe('[id~="published-time-text"] a[href*="lc="]');
    expect(scopedSelector('.comment-metadata a[href*="#comment-"]')).toBe('.comment-metadata a[href*="#comment-"]');
    expect(scopedSelector('yt-attributed-string#content-text')).toBe('yt-attributed-string[id~="content-text"]');
  });

  it('reads text with emoji alt text, paragraphs and without UI strings or our controls', () => {
    document.body.innerHTML =
      '<div id="t">Hello <img alt="👋"> world<p>Second line</p><button>Like</button><uncanned-controls>Canned</uncanned-controls>… See more</div>';
    expect(readText(document.getElementById('t') as Element)).toBe('Hello 👋 world\nSecond line');
  });

  it('parses ISO, unix-suffixed, Reddit and Bluesky times', () => {
    expect(parseTime('2026-11-24T15:00:00Z')).toBe(Date.parse('2026-11-24T15:00:00Z'));
    expect(parseTime('2026-11-24T15:00:00 1795532400')).toBe(1795532400000);
    expect(parseTime('2026-11-24T15:00:00.000000+0000')).toBe(Date.parse('2026-11-24T15:00:00Z'));
    expect(parseTime('November 24, 2026 at 3:00 PM')).toBe(new Date(2026, 10, 24, 15).getTime());
    expect(parseTime('yesterday')).toBeUndefined();
  });

  it('finds the items after a given one in document order without the earlier ones', () => {
    const adapter = defineAdapter({
      id: 'hackernews',
      hosts: [],
      item: 'article',
      sender: { from: 'b', read: (element) => element.textContent ?? undefined },
      text: 'p',
    });
    document.body.innerHTML =
      '<main><section><article id="a1"></article><article id="a2"><article id="r1"></article></article>' +
      '<div><article id="a3"></article></div></section><article id="a4"></article></main><article id="a5"></article>';
    const ids = (items: Element[]) => items.map((item) => item.id);
    const last = document.getElementById('a2') as Element;
    expect(ids(itemsAfter(adapter, last))).toEqual(['r1', 'a3', 'a4', 'a5']);
    const all = findItems(adapter, document);
    expect(ids(itemsAfter(adapter, last))).toEqual(ids(all.slice(all.indexOf(last) + 1)));
  });
});
