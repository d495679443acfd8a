import { defineAdapter, type Reader } from './define-adapter';
import { attr, cssString, firstOf, hrefMatch, lower } from './readers';

const testIdHandle: Reader = (element) =>
  element
    .getAttribute('data-testid')
    ?.replace(/^(feedItem|postThreadItem)-by-/, '')
    .toLowerCase() || undefined;

// React Native Web: testIDs become data-testid; css-*/r-* classes are meaningless (sites.md §10). The DID in
// the avatar URL survives handle changes, so it is the sender id; the handle in the testid is the fallback.
export default defineAdapter({
  id: 'bluesky',
  hosts: ['bsky.app'],
  item: [
    '[data-testid^="feedItem-by-"]', // timelines and feeds (suffix = handle)
    '[data-testid^="postThreadItem-by-"]', // post thread, focused post and replies
  ],
  text: ['[data-testid="postText"]', 'div[data-word-wrap="1"]'], // thread replies have no testid
  sender: {
    from: ['img[src*="/did:"]', ':scope'], // avatar_thumbnail/plain/<did>/<cid>@jpeg
    read: firstOf(lower(hrefMatch(/\/(did:[a-z]+:[a-z0-9.:%-]+)\//, 'src')), testIdHandle),
  },
  senderName: 'a[href^="/profile/"][aria-label="View profile"]', // first of two: the display name (label localized)
  messageId: { from: 'a[href*="/post/"]', read: hrefMatch(/^\/profile\/([^/]+\/post\/[\w]+)/) },
  permalink: 'a[href*="/post/"]',
  time: { from: 'a[href*="/post/"][aria-label]', read: attr('aria-label') }, // "November 24, 2026 at 3:00 PM"
  senderSelector: (sender) =>
    sender.startsWith('did:')
      ? `[data-testid*="Item-by-"]:has(img[src*=${cssString(`/${sender}/`)}])`
      : `[data-testid="feedItem-by-${sender}" i], [data-testid="postThreadItem-by-${sender}" i]`,
});

/* Test URLs:
   https://bsky.app/profile/driftwood.app/post/3lbpzzzzzzk2c (thread; fixture tests/fixtures/pages/bluesky/thread.html)
   https://bsky.app/ (Following / Discover feeds), https://bsky.app/profile/<handle> */
