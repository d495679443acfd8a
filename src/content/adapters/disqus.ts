import { defineAdapter, type Reader } from './define-adapter';
import { attr, cssString, hrefMatch, ownText } from './readers';

const profileLink = hrefMatch(/^\/by\/([^/?#]+)/);
/**
 * Profile username (`data-username`, or the disqus.com/by/<username>/ profile link); guests have only a name, kept
 * apart with a "guest:" prefix (no stable id exists).
 */
const username: Reader = (element, item) =>
  (element.getAttribute('data-username') || profileLink(element, item))?.toLowerCase() ||
  (element.matches('.author') ? `guest:${ownText(element, item)}` : undefined);

// Runs inside the cross-origin iframe disqus.com/embed/comments/ (all_frames). data-role / data-action survived
// the 2023 redesign better than classes (sites.md §13).
export default defineAdapter({
  id: 'disqus',
  hosts: ['disqus.com'],
  isRelevantPage: (url) => url.pathname.startsWith('/embed/comments'),
  canary: '#post-list li.post, [data-role="post-content"]',
  item: '.post-content[data-role="post-content"]', // inside li.post; replies are in the sibling ul.children
  text: '.post-message[data-role="message"]',
  sender: {
    from: ['.post-byline a[data-username]', '.post-byline a[href*="disqus.com/by/"]', '.post-byline .author'],
    read: username,
  },
  senderName: '.post-byline .author',
  messageId: {
    from: 'a.time-ago[href*="#comment-"]',
    read: (element) => /#comment-(\d+)/.exec(element.getAttribute('href') ?? '')?.[1],
  },
  permalink: 'a.time-ago[data-role="relative-time"]',
  time: { from: 'a.time-ago[data-role="relative-time"]', read: attr('title') }, // "Monday, November 24, 2026 3:00 PM"
  slot: '.comment__header', // after the byline and time
  senderSelector: (sender) =>
    `.post-content[data-role="post-content"]:has(.post-byline :is(a[data-username=${cssString(sender)} i], a[href*=${cssString(`disqus.com/by/${sender}/`)} i]))`,
});

/* Test URLs:
   https://disqus.com/embed/comments/?base=default&f=technewsdaily&t_i=84213&… (fixture tests/fixtures/pages/disqus/embed.html)
   https://www.technewsdaily.example/2026/11/driftwood-notes-1-0 (article embedding it; fixture disqus/article.html) */
