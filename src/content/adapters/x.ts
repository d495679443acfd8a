import { defineAdapter } from './define-adapter';
import { attr, cssString, firstOf, hrefMatch, lower, quoteWithoutText } from './readers';

const avatarHandle = (element: Element) =>
  element.getAttribute('data-testid')?.replace(/^UserAvatar-Container-/, '') || undefined;

// data-testid hooks are stable; classes are obfuscated per deploy (sites.md §2). A quoted post nests a second
// User-Name/tweetText inside div[role="link"], after the tweet's own, so "first match" picks the right one, except
// when the tweet has no text of its own: then the first tweetText is the quoted one (extract).
/**
 * The tweet's own date link: in its User-Name row in timelines and replies, below the text on the focused tweet of
 * a status page. A quoted tweet's (inside div[role="link"]) never stands in for it.
 */
const statusLink = [
  '[data-testid="User-Name"] a[href*="/status/"]:not(div[role="link"] *)',
  'a[href*="/status/"]:has(> time):not(div[role="link"] *)',
];

export default defineAdapter({
  id: 'x',
  hosts: ['x.com', 'twitter.com', 'mobile.x.com'],
  canary: '[data-testid="tweetText"], article [data-testid="User-Name"]', // not a UserCell in a list of people
  item: 'article[data-testid="tweet"]', // inside virtualized div[data-testid="cellInnerDiv"]
  text: '[data-testid="tweetText"]', // div[dir=auto][lang]; emoji are img[alt]
  sender: {
    from: [
      '[data-testid="User-Name"] a[href^="/"]', // timeline and thread: the display-name link is /<handle>
      '[data-testid^="UserAvatar-Container-"]', // fallback: the testid suffix is the handle
    ],
    read: lower(firstOf(hrefMatch(/^\/(\w{1,15})$/), avatarHandle)),
  },
  senderName: '[data-testid="User-Name"] a[href^="/"]', // first link: the display name
  messageId: { from: statusLink, read: hrefMatch(/\/status\/(\d+)/) },
  permalink: statusLink, // /<handle>/status/<id>, wraps <time>
  time: { from: statusLink.map((link) => `${link} > time[datetime]`), read: attr('datetime') },
  extract: quoteWithoutText('[data-testid="tweetText"]', '[role="link"]'),
  // The author's own avatar: a quoted post inside div[role="link"] shows its author's avatar too.
  senderSelector: (sender) =>
    `article[data-testid="tweet"]:has([data-testid=${cssString(`UserAvatar-Container-${sender}`)} i]:not(div[role="link"] *))`,
});

/* Test URLs:
   https://x.com/driftwood_app/status/1861234567890123456 (conversation; fixture tests/fixtures/pages/x/status.html)
   https://x.com/home (timeline), https://x.com/<user>/with_replies */
