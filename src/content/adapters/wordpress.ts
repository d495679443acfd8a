import { defineAdapter, type Reader } from './define-adapter';
import { attr, cssString, hrefMatch, onHost, resolveUrl } from './readers';

const commentAnchor: Reader = (element) => /^#(comment-\d+)$/.exec(resolveUrl(element)?.hash ?? '')?.[1];

/** Registered users: the comment-author-<nicename> class; guests: the Gravatar hash of their e-mail. */
const nicenameOrGravatar: Reader = (_element, item) => {
  const li = item.closest('li[id^="comment-"]') ?? item;
  const nicename = [...li.classList].find((name) => name.startsWith('comment-author-'));
  if (nicename) return nicename.slice('comment-author-'.length);
  const avatar = item.querySelector('img.avatar');
  const gravatar = avatar && hrefMatch(/\/avatar\/([0-9a-f]{32,64})/, 'src')(avatar, item);
  return gravatar ? `gravatar:${gravatar}` : undefined;
};

// Core templates (Walker_Comment::html5_comment and the comment-template block), sites.md §12. Themes may replace
// the walker, so hooks are ids and core classes. Any blog host: runs on user-granted origins via detect().
export default defineAdapter({
  id: 'wordpress',
  hosts: [],
  detect: (doc) =>
    Boolean(
      doc.querySelector('ol.comment-list li[id^="comment-"], .wp-block-comment-template li[id^="comment-"]') &&
        doc.querySelector(
          'meta[name="generator"][content^="WordPress"], link[href*="/wp-content/"], link[href*="/wp-includes/"], body.wp-embed-responsive, #commentform',
        ),
    ),
  item: [
    'article.comment-body[id^="div-comment-"]', // classic themes: the body, so replies in ol.children stay visible
    '.wp-block-comment-template li[id^="comment-"]', // block themes
  ],
  text: ['.comment-content', '.wp-block-comment-content'],
  sender: { from: ':scope', read: nicenameOrGravatar },
  senderName: ['.comment-author .fn', '.wp-block-comment-author-name'],
  messageId: {
    from: ['.comment-metadata a[href*="#comment-"]', '.wp-block-comment-date a'],
    read: onHost(commentAnchor),
  },
  permalink: ['.comment-metadata a[href*="#comment-"]', '.wp-block-comment-date a'],
  time: { from: 'time[datetime]', read: attr('datetime') },
  slot: ['.reply', '.wp-block-comment-reply-link'], // next to "Reply"
  senderSelector: (sender) =>
    sender.startsWith('gravatar:')
      ? `article.comment-body:has(img.avatar[src*=${cssString(sender.slice(9))}])`
      : `li.comment-author-${CSS.escape(sender)} > article.comment-body`,
});

/* Test URLs:
   https://www.notesandtools.blog/2026/11/driftwood-1-0-review/ (fixture tests/fixtures/pages/wordpress/post.html)
   any WordPress post with comments, e.g. https://wordpress.org/news/ posts (needs the user's permission) */
