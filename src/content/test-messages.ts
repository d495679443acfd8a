/** Test helper (never bundled): a minimal adapter, a page state and message elements for pipeline and session tests. */
import type { PageState } from '../shared/views';
import { defineAdapter } from './adapters/define-adapter';
import { attr } from './adapters/readers';

export const testAdapter = defineAdapter({
  id: 'hackernews', // any known site id: the adapter is the tests' own
  hosts: ['example.test'],
  item: 'div.message',
  text: 'p',
  sender: { from: ':scope', read: attr('data-sender') },
  messageId: { from: ':scope', read: attr('data-mid') },
});

export const testState: PageState = {
  site: 'hackernews',
  paused: false,
  cannedAction: 'flag',
  mutedAction: 'collapse',
  mutes: [],
  notCannedSenders: [],
  notCannedClusters: [],
  debug: false,
};

/** Sender ids a page could hand us: quotes, backslashes, brackets, newlines and NUL inside a would-be handle. */
export const hostileSenders = [
  'a"],p,[x="',
  'spam@evil.example\n]))*{}body{display:none!important}',
  'back\\slash"quote',
  'nul\u0000byte}',
  'tab\there\r\f',
];

/** `<div class="message" data-sender data-mid><p>text</p></div>`, read by `testAdapter`. */
export function message(
  id: string,
  sender = `sender-${id}`,
  text = `ordinary words number ${id} in a comment`,
): HTMLElement {
  const element = document.createElement('div');
  element.className = 'message';
  element.dataset.sender = sender;
  element.dataset.mid = id;
  element.append(Object.assign(document.createElement('p'), { textContent: text }));
  return element;
}
