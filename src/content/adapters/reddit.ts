import { defineAdapter, type Reader } from './define-adapter';
import { attr, cssString, lower } from './readers';

// shreddit-comment's attributes are the API on new Reddit; old.reddit's .thing carries data-* (sites.md §4).
const created = (item: Element) =>
  item.getAttribute('created') ??
  item.querySelector(':scope > .entry .tagline time')?.getAttribute('datetime') ??
  undefined;

/** "[deleted]" is every deleted account, not one sender: no id, so the comment is skipped (sites.md §4). */
const username: Reader = (element, item) => {
  const name = lower(attr('author', 'data-author'))(element, item);
  return name === '[deleted]' ? undefined : name;
};

export default defineAdapter({
  id: 'reddit',
  hosts: ['www.reddit.com', 'old.reddit.com', 'new.reddit.com', 'sh.reddit.com'],
  isRelevantPage: (url) => /\/comments\/|^\/user\//.test(url.pathname),
  canary: '[thingid^="t1_"], [data-fullname^="t1_"]',
  item: [
    'shreddit-comment', // new Reddit; replies are nested shreddit-comment[slot="children"]
    'div.thing.comment', // old.reddit; replies in .child > .sitetable
  ],
  text: [
    ':scope > [slot="comment"]', // div#<thingid>-comment-rtjson-content
    ':scope > .entry .usertext-body .md', // old.reddit
  ],
  // Usernames are immutable (case-insensitive); the t2_ id is not reliably on new-Reddit comments.
  sender: { from: ':scope', read: username },
  senderName: [':scope > [slot="commentMeta"] .author-name-meta', ':scope > .entry .tagline a.author'],
  messageId: { from: ':scope', read: attr('thingid', 'data-fullname') }, // t1_…
  permalink: [':scope', ':scope > .entry a.bylink'], // permalink attribute / bylink href
  time: { from: ':scope', read: created },
  slot: [':scope > [slot="commentMeta"]', ':scope > .entry ul.flat-list.buttons'],
  senderSelector: (sender) =>
    `shreddit-comment[author=${cssString(sender)} i], div.thing.comment[data-author=${cssString(sender)} i]`,
});

/* Test URLs:
   https://www.reddit.com/r/productivity/comments/1h2k3m4/driftwood_10_an_offlinefirst_notes_app_with/ (fixture post.html)
   https://old.reddit.com/r/productivity/comments/1h2k3m4/driftwood_10_an_offlinefirst_notes_app_with/ (fixture old-post.html)
   https://www.reddit.com/user/<name>/comments/ */
