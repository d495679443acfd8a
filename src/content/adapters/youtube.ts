import { defineAdapter } from './define-adapter';
import { cssString, firstOf, hrefMatch, hrefParam, lower, ownText } from './readers';

// Chat shows the @handle as text; the UC… channel id is only in element data (MAIN world), not read here.
const chatHandle = (element: Element) => {
  const text = ownText(element, element);
  return text?.startsWith('@') ? text.toLowerCase() : undefined;
};
// Chat items carry their message id as the element id; watch comments have id="comment" (too short to be one).
const chatId = (element: Element) => (element.id.length > 20 ? element.id : undefined);

// Polymer ids are stable for years; renderers migrate, so list old and new (sites.md §3). Live chat runs in
// iframe#chatframe (/live_chat), hence all_frames in the manifest.
// One selector list for the message id and the permalink, so both read one match.
const timeLink = [
  '#published-time-text a', // comments: /watch?v=<video>&lc=<comment id>
  ':scope', // chat: no link; the item's own id is the message id
];

export default defineAdapter({
  id: 'youtube',
  hosts: ['www.youtube.com', 'm.youtube.com'],
  isRelevantPage: (url) => /^\/(watch|shorts|live_chat|post|channel|@)/.test(url.pathname),
  canary: 'ytd-comment-thread-renderer, ytd-comments #content-text, yt-live-chat-item-list-renderer #author-name',
  item: [
    'ytd-comment-view-model', // comments since 2024 (top level id="comment", replies is-reply)
    'ytd-comment-renderer', // legacy comments
    'ytm-comment-renderer', // m.youtube.com
    'yt-live-chat-text-message-renderer', // live chat (its id is the message id)
    'yt-live-chat-paid-message-renderer', // Super Chat
    'yt-live-chat-membership-item-renderer', // new member / milestone; a milestone's own words are in #message
  ],
  text: ['#content-text', '#message'], // the whole text is in the DOM even when "Read more" clamps it
  sender: {
    from: ['#author-text', '#author-name'], // href="/@handle" in comments; "@handle" text in chat
    read: firstOf(lower(hrefMatch(/^\/(@[^/?]+)/)), chatHandle),
  },
  senderName: ['#author-text', '#author-name'],
  messageId: { from: timeLink, read: firstOf(hrefParam('lc'), chatId) },
  permalink: timeLink,
  slot: '#header-author', // after the time link; chat falls back to right after #message
  // Chat rows pad their content 24 px from the edge; the stub lines up with it (comments need nothing).
  stubIndent: (item) => (item.localName.startsWith('yt-live-chat-') ? 24 : undefined),
  senderSelector: (sender) =>
    `:is(ytd-comment-view-model, ytd-comment-renderer):has(#author-text[href=${cssString(`/${sender}`)} i])`,
  // Chat rows name their sender in text only; m.youtube.com's markup is not in sites.md.
  unhookedItems: 'yt-live-chat-text-message-renderer, yt-live-chat-paid-message-renderer, ytm-comment-renderer',
});

/* Test URLs:
   https://www.youtube.com/watch?v=Dr1ftW00d10 (comments; fixture tests/fixtures/pages/youtube/watch.html)
   https://www.youtube.com/live_chat?is_popout=1&v=Dr1ftLive01 (chat; fixture tests/fixtures/pages/youtube/live-chat.html)
   https://www.youtube.com/shorts/<id> (comment panel), https://www.youtube.com/post/<id> (community post) */
