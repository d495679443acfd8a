import { defineAdapter, type Reader } from './define-adapter';
import { attr, cssString, hrefMatch, onHost } from './readers';

/** `title` holds the acct: `user` for local accounts, `user@domain` for remote ones; qualify local ones. */
const acct: Reader = (element) => {
  const value = element.getAttribute('title') || hrefMatch(/^\/@([^/]+)$/)(element, element);
  if (!value) return undefined;
  return (value.includes('@') ? value : `${value}@${element.ownerDocument.location?.host}`).toLowerCase();
};

const dateLinkId = hrefMatch(/^\/@[^/]+\/(\d+)/);
/** Timeline and thread items carry data-id; the focused post has none, its id is in its date link, /@acct/<id>. */
const statusId: Reader = (item) => {
  const link = item.getAttribute('data-id') ? undefined : item.querySelector('a.detailed-status__datetime');
  return link ? dateLinkId(link, item) : (item.getAttribute('data-id') ?? undefined);
};

// Any instance: open-source markup with stable BEM classes (sites.md §9); runs on user-granted origins only.
export default defineAdapter({
  id: 'mastodon',
  hosts: [],
  detect: (doc) =>
    Boolean(doc.querySelector('#mastodon, meta[name="application-name"][content="Mastodon"]')) ||
    Boolean(doc.querySelector('.app-body a[href*="joinmastodon.org"]')),
  canary: '.status__content',
  item: [
    '.status[data-id]', // timeline and thread items (article[data-id] wraps each; off-screen ones are empty)
    '.detailed-status', // the focused post of a thread
  ],
  text: '.status__content__text', // custom emoji are img[alt=":name:"]
  sender: { from: ['a.status__display-name', 'a.detailed-status__display-name'], read: acct },
  senderName: '.display-name__html',
  messageId: { from: ':scope', read: onHost(statusId) }, // ids are per instance
  permalink: ['a.status__relative-time', 'a.detailed-status__datetime'], // /@acct/<id>
  time: { from: 'a.status__relative-time time[datetime]', read: attr('datetime') },
  senderSelector: (sender) => {
    const local = sender.replace(`@${globalThis.location?.host}`, '');
    return `.status[data-id]:has(a.status__display-name[title=${cssString(local)} i])`;
  },
});

/* Test URLs:
   https://mastodon.social/@driftwood/113512345678800000 (thread; fixture tests/fixtures/pages/mastodon/status.html)
   https://<instance>/home, https://<instance>/@<user> (needs the user's permission for that origin) */
