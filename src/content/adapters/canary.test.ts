// @vitest-environment happy-dom
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findItems } from '../extract';
import type { SiteAdapter } from './define-adapter';
import { adapters } from './index';
import { fixturesDir, loadPage } from './test-page';

// The canary tells "the site's layout changed" (messages show, none is read) from "no messages here yet", for the
// popup. Each fixture page shows it; the same page with its item hook renamed still does; with its messages gone,
// it does not.

const pages = JSON.parse(fs.readFileSync(path.join(fixturesDir, 'pages.json'), 'utf8')) as Record<string, string>;
const adapterOf = (file: string) => adapters.find((adapter) => file.startsWith(`pages/${adapter.id}/`));
const shows = (adapter: SiteAdapter) => adapter.canary !== undefined && document.querySelector(adapter.canary) !== null;

/** Replaces an element with one of another tag, keeping its attributes and children (a renamed component). */
function retag(element: Element, tag: string): void {
  const renamed = document.createElement(tag);
  for (const { name, value } of element.attributes) renamed.setAttribute(name, value);
  renamed.append(...element.childNodes);
  element.replaceWith(renamed);
}

/** Pages an adapter reads (not the article around a Disqus embed, whose comments are in the embed's frame). */
const withAdapter = Object.entries(pages).filter(([url, file]) => {
  const hosts = adapterOf(file)?.hosts;
  return hosts !== undefined && (hosts.length === 0 || hosts.includes(new URL(url).hostname));
});

/** The outermost canary element around an item (Disqus' li.post around its .post-content), else the item. */
function threadOf(item: Element, canary: string): Element {
  let top = item;
  for (let up = item.parentElement?.closest(canary); up; up = up.parentElement?.closest(canary)) top = up;
  return top;
}

describe.each(withAdapter)('canary on %s', (url, file) => {
  const adapter = adapterOf(file);

  it('shows on the page of messages, and not once the messages are gone', () => {
    if (!adapter) throw new Error(`no adapter for ${file}`);
    loadPage(url);
    expect(findItems(adapter, document).length).toBeGreaterThan(0);
    expect(shows(adapter)).toBe(true);
    for (const item of findItems(adapter, document)) threadOf(item, adapter.canary ?? '').remove();
    expect(shows(adapter)).toBe(false); // nothing else on the page looks like a message
  });
});

describe('canary when the item hook is renamed (the review cases)', () => {
  it.each([
    [
      'https://news.ycombinator.com/item?id=42187654',
      'tr.comtr',
      (row: Element) => row.classList.replace('comtr', 'comrow'),
    ],
    [
      'https://www.youtube.com/watch?v=Dr1ftW00d10',
      'ytd-comment-view-model',
      (item: Element) => retag(item, 'ytd-comment-card'),
    ],
    [
      'https://www.reddit.com/r/productivity/comments/1h2k3m4/driftwood_10_an_offlinefirst_notes_app_with/',
      'shreddit-comment',
      (item: Element) => retag(item, 'shreddit-reply'),
    ],
    [
      'https://x.com/driftwood_app/status/1861234567890123456',
      'article',
      (item: Element) => item.setAttribute('data-testid', 'post'),
    ],
  ] as const)('%s', (url, itemSelector, rename) => {
    const adapter = adapterOf(pages[url] ?? '');
    if (!adapter) throw new Error(`no fixture ${url}`);
    loadPage(url);
    for (const item of document.querySelectorAll(itemSelector)) rename(item);
    expect(findItems(adapter, document)).toHaveLength(0);
    expect(shows(adapter)).toBe(true);
  });
});

describe('canary on pages without messages that look a bit like them (the diff review cases)', () => {
  const byId = (id: string) => adapters.find((adapter) => adapter.id === id) as SiteAdapter;
  it.each([
    [
      'hackernews',
      '<table class="fatitem"><tr class="athing"><td><div class="commtext">A comment\'s own page</div></td></tr></table>',
    ],
    ['x', '<div data-testid="UserCell"><div data-testid="User-Name"><a href="/alice">Alice</a></div></div>'],
    ['wordpress', '<ol class="comment-list"><li id="comment-9" class="pingback">Pingback: a post</li></ol>'],
    ['facebook', '<a href="https://www.facebook.com/groups/1/posts/2/?comment_id=3">Alice commented</a>'],
  ])('%s', (id, html) => {
    document.body.innerHTML = html;
    expect(shows(byId(id))).toBe(false);
  });
});
