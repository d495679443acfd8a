import { defineAdapter } from './define-adapter';
import { attr, cssString, firstOf, hrefMatch, lower } from './readers';

const classic = '.js-comment-container:is(.timeline-comment, :has(.timeline-comment))';

// React issue timeline: data-testid and data-wrapper-timeline-id are stable, CSS-module suffixes are not
// (sites.md §15). The numeric user id in the avatar URL survives renames; the login is the fallback, and the only id
// of GitHub Apps (avatar /in/<app id>, author link /apps/<slug>).
export default defineAdapter({
  id: 'github',
  hosts: ['github.com'],
  isRelevantPage: (url) => /^\/[^/]+\/[^/]+\/(issues|pull|discussions)\/\d+/.test(url.pathname),
  canary: '.react-issue-comment, .timeline-comment, .js-comment-body',
  item: [
    '[data-wrapper-timeline-id]:has(.react-issue-comment)', // React issues (IC_… node ids)
    classic, // classic pages (PRs): div.TimelineItem.js-comment-container, avatar beside the .timeline-comment
  ],
  text: ['[data-testid="markdown-body"] .markdown-body', '.comment-body.markdown-body'],
  textExclude: 'blockquote, .email-quoted-reply', // quoted replies are someone else's words
  sender: {
    from: [
      'img[data-testid="github-avatar"][src*="/u/"]',
      'img.avatar[src*="/u/"]',
      'a[data-testid="avatar-link"]',
      'a.author',
    ],
    read: firstOf(hrefMatch(/^\/u\/(\d+)/, 'src'), lower(hrefMatch(/^\/((?:apps\/)?[\w-]+)$/))),
  },
  senderName: ['a[data-testid="avatar-link"]', 'a.author'],
  messageId: { from: ['[data-testid="comment-header"][id]', '[id^="issuecomment-"]'], read: attr('id') },
  permalink: ['a[href*="#issuecomment-"]'],
  time: { from: 'relative-time[datetime]', read: attr('datetime') },
  slot: '[data-testid="comment-header-left-side-items"]', // after the time link
  senderSelector: (sender) =>
    /^\d+$/.test(sender)
      ? [
          `[data-wrapper-timeline-id]:has(img[data-testid="github-avatar"][src*=${cssString(`/u/${sender}?`)}])`,
          `${classic}:has(img.avatar[src*=${cssString(`/u/${sender}?`)}])`,
        ].join(', ')
      : [
          `[data-wrapper-timeline-id]:has(a[data-testid="avatar-link"][href=${cssString(`/${sender}`)} i])`,
          `${classic}:has(a.author[href=${cssString(`/${sender}`)} i])`,
        ].join(', '),
});

/* Test URLs:
   https://github.com/driftwood-notes/driftwood/issues/412 (fixture tests/fixtures/pages/github/issue.html)
   https://github.com/<owner>/<repo>/pull/<n>, https://github.com/<owner>/<repo>/discussions/<n> */
