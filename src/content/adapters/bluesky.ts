import { defineAdapter, type Reader } from './define-adapter';
import { attr, cssString, firstOf, hrefMatch, lower, quoteWithoutText } from './readers';

const testIdHandle: Reader = (element) =>
  element
    .getAttribute('data-testid')
    ?.replace(/^(feedItem|postThreadItem)-by-/, '')
    .toLowerCase() || undefined;

const avatarDid = lower(hrefMatch(/\/(did:[a-z]+:[a-z0-9.:%-]+)\//, 'src')); // avatar_thumbnail/plain/<did>/<cid>@jpeg

/** The DID of the item's own author: an avatar inside a link to their profile (a quoted post shows its author's). */
const ownDid: Reader = (item) => {
  const handle = testIdHandle(item, item);
  for (const avatar of item.querySelectorAll('a[href^="/profile/"] img[src*="/did:"]')) {
    const did = avatarDid(avatar, item);
    const profile = avatar.closest('a')?.getAttribute('href')?.slice('/profile/'.length).toLowerCase();
    if (did && (profile === handle || profile === did)) return did;
  }
  return undefined;
};

// React Native Web: testIDs become data-testid; css-*/r-* classes are meaningless (sites.md §10). The DID in
// the avatar URL survives handle changes, so it is the sender id; the handle in the testid is the fallback.
// A quote embed is a link (role="link") to the quoted post holding its author's avatar and text, after the item's own.
export default defineAdapter({
  id: 'bluesky',
  hosts: ['bsky.app'],
  canary: '[data-testid="postText"], [data-testid*="Item-by-"]',
  item: [
    '[data-testid^="feedItem-by-"]', // timelines and feeds (suffix = handle)
    '[data-testid^="postThreadItem-by-"]', // post thread, focused post and replies
  ],
  text: ['[data-testid="postText"]', 'div[data-word-wrap="1"]'], // thread replies have no testid
  sender: { from: ':scope', read: firstOf(ownDid, testIdHandle) },
  senderName: 'a[href^="/profile/"][aria-label="View profile"]', // first of two: the display name (label localized)
  messageId: { from: 'a[href*="/post/"]', read: hrefMatch(/^\/profile\/([^/]+\/post\/[\w]+)/) },
  permalink: 'a[href*="/post/"]',
  time: { from: 'a[href*="/post/"][aria-label]', read: attr('aria-label') }, // "November 24, 2026 at 3:00 PM"
  extract: quoteWithoutText('[data-testid="postText"], div[data-word-wrap="1"]', '[role="link"]'),
  // Not by an avatar inside the quote embed (linked itself, or in a link inside it): that post only quotes the sender.
  senderSelector: (sender) => {
    const avatar = `img[src*=${cssString(`/${sender}/`)}]`;
    const quoted = `[role="link"] [role="link"] ${avatar}, a[href*="/post/"] ${avatar}`;
    return sender.startsWith('did:')
      ? `[data-testid*="Item-by-"]:has(${avatar}):not(:has(${quoted}))`
      : `[data-testid=${cssString(`feedItem-by-${sender}`)} i], [data-testid=${cssString(`postThreadItem-by-${sender}`)} i]`;
  },
});

/* Test URLs:
   https://bsky.app/profile/driftwood.app/post/3lbpzzzzzzk2c (thread; fixture tests/fixtures/pages/bluesky/thread.html)
   https://bsky.app/ (Following / Discover feeds), https://bsky.app/profile/<handle> */
