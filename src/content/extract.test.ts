// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { limits } from '../shared/types';
import { defineAdapter } from './adapters/define-adapter';
import { attr } from './adapters/readers';
import { extractItem, findItems, itemsAfter, parseTime, readText, scopedSelector } from './extract';

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

  it('keeps words that only look like UI strings, and drops the UI strings in the shapes sites leave them', () => {
    const read = (html: string, isName = false) => {
      document.body.innerHTML = `<div id="t">${html}</div>`;
      return readText(document.getElementById('t') as Element, undefined, undefined, isName);
    };
    expect(read('The footage is unedited')).toBe('The footage is unedited');
    expect(read('Kids should read more')).toBe('Kids should read more');
    expect(read('Read More', true)).toBe('Read More'); // a display name
    expect(read('Great framework for founders …see more')).toBe('Great framework for founders');
    expect(read('Fixed the typo (edited)')).toBe('Fixed the typo');
    expect(read('Hola a todos<div>See translation</div>')).toBe('Hola a todos');
  });

  it('reads table cells apart and headings, sections and definition lists as lines', () => {
    document.body.innerHTML =
      '<div id="t"><table><tr><th>OS</th><th>Version</th></tr><tr><td>Linux</td><td>6.1</td></tr></table><h5>Note</h5><section>Works</section><dl><dt>Term</dt><dd>Meaning</dd></dl></div>';
    expect(readText(document.getElementById('t') as Element)).toBe('OS Version\nLinux 6.1\nNote\nWorks\nTerm\nMeaning');
  });

  it('stops reading a huge text once it has four times what it keeps', () => {
    document.body.innerHTML = '<div id="t"></div>';
    const element = document.getElementById('t') as Element;
    for (let line = 0; line < 5_000; line++)
      element.append(Object.assign(document.createElement('p'), { textContent: `line ${line}` }));
    const text = readText(element, undefined, 100);
    expect(text.startsWith('line 0\nline 1\n')).toBe(true);
    expect(text.length).toBeLessThanOrEqual(400);
    expect(text.length).toBeGreaterThan(300);
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

describe('extractItem on bad input', () => {
  const adapter = defineAdapter({
    id: 'wordpress',
    hosts: [],
    item: 'div.message',
    text: 'p',
    sender: { from: ':scope', read: attr('data-sender') },
    permalink: 'a',
  });
  const item = (sender: string, text: string, href = 'https://blog.example/p/#comment-1') => {
    document.body.innerHTML = '<div class="message"><p></p><a>link</a></div>';
    const element = document.querySelector('div.message') as HTMLElement;
    element.dataset.sender = sender;
    (element.querySelector('p') as HTMLElement).textContent = text;
    element.querySelector('a')?.setAttribute('href', href);
    return element;
  };

  it('drops control characters from sender ids (a newline would reach the pre-hide stylesheet)', () => {
    expect(extractItem(adapter, item('spam@evil.example\n]))*{}body{display:none}', 'hi'))?.sender).toBe(
      'spam@evil.example]))*{}body{display:none}',
    );
    expect(extractItem(adapter, item('\n\t\u0085', 'hi'))).toBeUndefined(); // nothing left: no sender
  });

  it('keeps the start of a huge text without splitting an emoji, and leaves out a link too long to keep', () => {
    const huge = `${'a'.repeat(limits.maxTextLength - 1)}😀${' spam'.repeat(200_000)}`;
    const data = extractItem(adapter, item('bob', huge, `https://blog.example/${'p'.repeat(2100)}#comment-1`));
    expect(data?.text).toBe('a'.repeat(limits.maxTextLength - 1)); // the emoji's pair would cross the limit
    expect(data?.permalink).toBeUndefined();
    expect(extractItem(adapter, item('bob', 'hi'))?.permalink).toBe('https://blog.example/p/#comment-1');
    expect(extractItem(adapter, item('bob', 'hi', 'javascript:alert(1)//#comment-1'))?.permalink).toBeUndefined();
  });
});
