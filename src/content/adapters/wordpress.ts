import { defineAdapter, type Reader } from './define-adapter';
import { attr, cssString, hrefMatch, onHost, resolveUrl } from './readers';

const commentAnchor: Reader = (element) => /^#(comment-\d+)$/.exec(resolveUrl(element)?.hash ?? '')?.[1];

/** Registered users: the comment-author-<nicename> class; guests: the Gravatar hash of their e-mail. */
const nicenameOrGravatar: Reader = (_element, item) => {
  const li = item.closest('[id^="comment-"]') ?? item; // li, or div with wp_list_comments(['style' => 'div'])
  const nicename = [...li.classList].find((name) => name.startsWith('comment-author-'));
  if (nicename) return nicename.slice('comment-author-'.length);
  const avatar = item.querySelector('img.avatar');
  const gravatar = avatar && hrefMatch(/\/avatar\/([0-9a-f]{32,64})/, 'src')(avatar, item);
  return gravatar ? `gravatar:${gravatar}` : undefined;
};

const blockItem = '.wp-block-comment-template li[id^="comment-"]'; // block themes
// The date link: HTML5 walker, legacy walker (div.comment-meta.commentmetadata), comment-template block.
const commentLink = [
  '.comment-metadata a[href*="#comment-"]',
  '.commentmetadata a[href*="#comment-"]',
  '.wp-block-comment-date a',
];
// Core templates (Walker_Comment::html5_comment and the comment-template block), sites.md §12. Themes may replace
// the walker, so hooks are ids and core classes. Any blog host: runs on user-granted origins via detect().
export default defineAdapter({
  id: 'wordpress',
  hosts: [],
  detect: (doc) =>
    Boolean(
      doc.querySelector(`ol.comment-list li[id^="comment-"], ${blockItem}, .comment-body[id^="div-comment-"]`) &&
        doc.querySelector(
          'meta[name="generator"][content^="WordPress"], link[href*="/wp-content/"], link[href*="/wp-includes/"], body.wp-embed-responsive, #commentform',
        ),
    ),
  canary: ':is(.comment-list, .commentlist) > li:not(.pingback, .trackback), .wp-block-comment-template > li',
  // Classic themes: article (HTML5) or div (legacy), not the replies after it. Block themes: the li, replies inside.
  item: ['.comment-body[id^="div-comment-"]', blockItem],
  text: ['.comment-content', '.wp-block-comment-content', ':scope'], // legacy: comment_text() straight in the body
  textExclude: '.comment-author, .comment-meta, .reply, .comment-awaiting-moderation', // around legacy text
  sender: { from: ':scope', read: nicenameOrGravatar },
  senderName: ['.comment-author .fn', '.wp-block-comment-author-name'],
  messageId: { from: commentLink, read: onHost(commentAnchor) },
  permalink: commentLink,
  time: { from: 'time[datetime]', read: attr('datetime') },
  slot: ['.reply', '.wp-block-comment-reply-link'], // next to "Reply"
  // In block themes replies nest inside the li (in an ol): a guest's rule looks for their avatar outside it.
  senderSelector: (sender) => {
    const avatar = `img.avatar[src*=${cssString(sender.slice(9))}]`;
    const author = `.comment-author-${CSS.escape(sender)}`;
    return sender.startsWith('gravatar:')
      ? `.comment-body[id^="div-comment-"]:has(${avatar}), ${blockItem}:has(> :not(ol) ${avatar})`
      : `${author} > .comment-body[id^="div-comment-"], ${blockItem}${author}`;
  },
});

/* Test URLs:
   https://www.notesandtools.blog/2026/11/driftwood-1-0-review/ (fixture tests/fixtures/pages/wordpress/post.html)
   any WordPress post with comments, e.g. https://wordpress.org/news/ posts (needs the user's permission) */
