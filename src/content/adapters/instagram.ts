import { defineAdapter } from './define-adapter';
import { cssString, hrefMatch, lower } from './readers';

// Meta's hashed classes are unstable; a comment is the li whose time links to /p/<code>/c/<id>/ (replies
// /c/<id>/r/<replyId>/); the caption's time links to the post itself (sites.md §6).
export default defineAdapter({
  id: 'instagram',
  hosts: ['www.instagram.com'],
  isRelevantPage: (url) => /^\/(p|reel|reels)\/|^\/[\w.]+\/(p|reel)\//.test(url.pathname),
  canary: 'a[href*="/c/"]',
  item: 'li:has(a[href*="/c/"] > time[datetime])',
  text: [
    'h3 + div > span[dir="auto"]', // older layout: the span after the author's h3
    'div:not([role="button"]) > span[dir="auto"]', // current layout, no h3: the first one not in a link or button
    'span._ap3a', // legacy class, last: the username's span may carry it too
  ],
  sender: { from: 'a[href^="/"][role="link"]', read: lower(hrefMatch(/^\/([\w.]{1,30})\/$/)) }, // avatar link
  senderName: 'a[href^="/"][role="link"] > span[dir="auto"]', // the name link (in h3 in the older layout)
  messageId: { from: 'a[href*="/c/"]', read: hrefMatch(/\/c\/(?:\d+\/r\/)?(\d+)/) }, // reply id when present
  permalink: 'a[href*="/c/"]',
  time: { from: 'a[href*="/c/"] > time[datetime]', read: (element) => element.getAttribute('datetime') ?? undefined },
  // Own name link (not a reply's, nor an @mention in the text).
  senderSelector: (sender) => `li:has(> div a[href=${cssString(`/${sender}/`)} i][role="link"] > span[dir="auto"])`,
});

/* Test URLs:
   https://www.instagram.com/p/DCx9AbQr2Lm/ (post with comments; fixture tests/fixtures/pages/instagram/post.html)
   https://www.instagram.com/reel/<code>/ */
