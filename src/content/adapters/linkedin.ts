import { defineAdapter, type ItemData } from './define-adapter';
import { attr, cssString, hrefMatch, lower } from './readers';

const profilePath = lower(hrefMatch(/^\/((?:in|company)\/[^/?#]+)/)); // "in/<slug>", with or without "/" or query

/**
 * Messaging shows the sender once per group: walk back to the group's first event, the one with the name (sites.md
 * §8). Its profile link is the sender; a group without one has no id (never the previous group's sender).
 */
function messagingSender(item: Element): Partial<ItemData> | undefined {
  if (!item.matches('.msg-s-event-listitem')) return undefined;
  let event = item.closest('li.msg-s-message-list__event');
  for (let steps = 0; event && steps < 500; steps++, event = event.previousElementSibling) {
    const link = event.querySelector('a.msg-s-message-group__profile-link[href*="/in/"]');
    const sender = link && profilePath(link, item);
    const name = event.querySelector('.msg-s-message-group__name')?.textContent?.trim();
    if (sender) return { sender, senderName: name };
    if (name !== undefined) return undefined;
  }
  return undefined;
}

// BEM classes work today; the server-driven UI (componentkey) is rolling out, so both families are listed.
export default defineAdapter({
  id: 'linkedin',
  hosts: ['www.linkedin.com'],
  canary: '[data-id*="urn:li:comment:"], [componentkey*="urn:li:comment:"], [data-event-urn]',
  item: [
    'article.comments-comment-entity', // feed comments; replies nest in .comments-replies-list
    '[componentkey^="replaceableComment_urn:li:comment:"]', // server-driven UI
    '.msg-s-event-listitem[data-event-urn]', // messaging page and overlay bubbles
  ],
  text: [
    '.comments-comment-entity__content .update-components-text',
    '.comments-comment-item__main-content', // older comment markup
    '.msg-s-event-listitem__body',
  ],
  sender: { from: 'a.comments-comment-meta__description-container', read: profilePath },
  senderName: '.comments-comment-meta__description-title',
  extract: messagingSender,
  messageId: { from: ':scope', read: attr('data-id', 'componentkey', 'data-event-urn') }, // urn:li:comment:(…)
  senderSelector: (sender) =>
    `article.comments-comment-entity:has(> .comments-comment-meta__container a[href^=${cssString(`/${sender}/`)} i])`,
  // A message names its sender in the group's header; server-driven comments have no known sender hook.
  unhookedItems: '.msg-s-event-listitem[data-event-urn], [componentkey^="replaceableComment_urn:li:comment:"]',
});

/* Test URLs:
   https://www.linkedin.com/feed/update/urn:li:activity:7265432109876543210/ (comments; fixture linkedin/feed-post.html)
   https://www.linkedin.com/messaging/thread/2-ZTg4YjQ1ZDMtNGQ2Ny00/ (messaging; fixture linkedin/messaging.html)
   https://www.linkedin.com/feed/ (comments under feed posts) */
