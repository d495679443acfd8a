import { defineAdapter } from './define-adapter';
import { cssString, hrefMatch, lower } from './readers';

// Meta's hashed classes are unstable; a comment is the li whose time links to /p/<code>/c/<id>/ (replies
// /c/<id>/r/<replyId>/); the caption's time links to the post itself (sites.md §6).
export default defineAdapter({
  id: 'instagram',
  hosts: ['www.instagram.com'],
  isRelevantPage: (url) => /^\/(p|reel|reels)\/|^\/[\w.]+\/(p|reel)\//.test(url.pathname),
  item: 'li:has(a[href*="/c/"] > time[datetime])',
  text: ['h3 + div > span[dir="auto"]', 'span._ap3a'], // the span after the author's h3 (legacy class fallback)
  sender: { from: 'a[href^="/"][role="link"]', read: lower(hrefMatch(/^\/([\w.]{1,30})\/$/)) }, // avatar link
  senderName: 'h3 a[href^="/"]',
  messageId: { from: 'a[href*="/c/"]', read: hrefMatch(/\/c\/(?:\d+\/r\/)?(\d+)/) }, // reply id when present
  permalink: 'a[href*="/c/"]',
  time: { from: 'a[href*="/c/"] > time[datetime]', read: (element) => element.getAttribute('datetime') ?? undefined },
  slot: 'div:has(> span > a[href*="/c/"] > time)', // the row with the time, likes and Reply
  senderSelector: (sender) => `li:has(> div h3 a[href=${cssString(`/${sender}/`)} i])`, // own h3, not a reply's
});

/* Test URLs:
   https://www.instagram.com/p/DCx9AbQr2Lm/ (post with comments; fixture tests/fixtures/pages/instagram/post.html)
   https://www.instagram.com/reel/<code>/ */
