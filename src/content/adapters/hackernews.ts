import { defineAdapter } from './define-adapter';
import { attr, cssString, hrefMatch } from './readers';

// Server-rendered tables, unchanged for years (sites.md §11). Replies are following rows, not children.
export default defineAdapter({
  id: 'hackernews',
  hosts: ['news.ycombinator.com'],
  isRelevantPage: (url) => ['/item', '/threads', '/newcomments'].includes(url.pathname),
  canary: '.comment-tree tr.athing, .comment-tree .commtext', // not a comment's own page (its text is in .fatitem)
  item: 'tr.athing.comtr', // one row per comment; the story (.fatitem) is not a .comtr
  text: '.commtext', // div.commtext.c00 (grey variants c5A, cDD); first paragraph is a bare text node
  // Usernames are immutable and case-sensitive; new users' names are wrapped in <font>.
  sender: { from: 'a.hnuser', read: hrefMatch(/^\/user\?id=([^&]+)$/) },
  senderName: 'a.hnuser',
  messageId: { from: ':scope', read: attr('id') }, // the row id is the comment id
  permalink: 'span.age a[href^="item?id="]',
  time: { from: 'span.age', read: attr('title') }, // "2026-11-24T15:00:00 1795532400" (unix seconds last)
  slot: 'span.comhead', // after the age and nav links
  senderSelector: (sender) => `tr.athing.comtr:has(a.hnuser[href=${cssString(`user?id=${sender}`)}])`,
  // Depth is a spacer image of 40 px per level in td.ind; the stub row is a plain cell and keeps the reply's place.
  stubIndent: (item) => Number(item.querySelector('td.ind img')?.getAttribute('width')) || undefined,
});

/* Test URLs:
   https://news.ycombinator.com/item?id=42187654 (thread; fixture tests/fixtures/pages/hackernews/item.html)
   https://news.ycombinator.com/threads?id=<user> (a user's comments), https://news.ycombinator.com/newcomments */
