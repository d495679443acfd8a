import { readText } from '../read-text';
import { defineAdapter, type ItemData, type Reader } from './define-adapter';
import { cssString, hrefParam, resolveUrl } from './readers';

const notProfiles = /^(groups|watch|hashtag|photo|photo\.php|story\.php|events|pages|reel|share|permalink\.php)$/;

/** profile.php?id=<n> → n; /groups/<g>/user/<uid>/ → uid; /<vanity> → vanity (Shinigami's URL rules). */
const profileId: Reader = (element) => {
  const url = resolveUrl(element);
  if (!url) return undefined;
  if (url.pathname === '/profile.php') return url.searchParams.get('id') ?? undefined;
  const member = /^\/groups\/[^/]+\/user\/(\d+)/.exec(url.pathname);
  if (member) return member[1];
  const vanity = /^\/([A-Za-z0-9.]{5,})\/?$/.exec(url.pathname)?.[1];
  return vanity && !notProfiles.test(vanity) ? vanity.toLowerCase() : undefined;
};

const paragraph = 'div[dir="auto"][style*="text-align"]';

/** Paragraphs are sibling divs when no span[lang] wraps them (sites.md §5): a selector's first match is only one. */
function paragraphs(item: Element): Partial<ItemData> | undefined {
  if (item.querySelector('span[lang]')) return undefined;
  const own = [...item.querySelectorAll(paragraph)].filter((element) => element.closest('[role="article"]') === item);
  return own.length > 1 ? { text: own.map((element) => readText(element, '[role="button"]')).join('\n') } : undefined;
}

// Atomic classes churn; hooks are role="article", href shapes and dir="auto" (sites.md §5). aria-label text is
// localized ("Comment by …"), so only its presence is used.
export default defineAdapter({
  id: 'facebook',
  hosts: ['www.facebook.com', 'web.facebook.com', 'm.facebook.com'],
  canary: '[role="article"] a[href*="comment_id="]', // not a notification about a comment
  item: 'div[role="article"][aria-label]:has(a[href*="comment_id="])', // comments and replies, not the post
  text: ['span[lang]', paragraph], // one div per paragraph, inside span[lang] or not (then see `paragraphs`)
  textExclude: '[role="button"]', // "See more"
  sender: { from: 'a[role="link"][href]', read: profileId }, // avatar link first, then the name link
  senderName: 'a[role="link"][href] span[dir="auto"]',
  // The avatar's comment_id is base64; the time link in the action row has the numeric one, whatever the post's
  // URL shape (/posts/, /photo/?fbid=, /reel/, /watch/).
  messageId: { from: 'ul a[href*="comment_id="]', read: hrefParam('reply_comment_id', 'comment_id') },
  permalink: 'ul a[href*="comment_id="]',
  slot: 'ul', // the Like / Reply row under the bubble
  extract: paragraphs,
  // The author's avatar and name links carry comment_id; an @mention in the text links the same profile without it.
  senderSelector: (sender) => {
    const link = /^\d+$/.test(sender) ? `profile.php?id=${sender}&` : `facebook.com/${sender}?`;
    return `div[role="article"][aria-label]:has(a[href*=${cssString(link)} i][href*="comment_id="])`;
  },
});

/* Test URLs:
   https://www.facebook.com/groups/notetakers/posts/1029384756/ (group post; fixture facebook/group-post.html)
   https://www.facebook.com/<page>/posts/<id> (page post), comments in the feed's post dialog */
