/**
 * Content script entry (document_start, all frames of the manifest's sites, or injected on origins the user
 * enabled). Picks the adapter by host, or by markup once the DOM exists; reports `recognised: false` otherwise.
 */

import { loadHoldSites } from '../shared/hold-sites';
import { sendToBackground } from '../shared/messaging';
import type { PageState } from '../shared/views';
import { adapters, pickAdapter } from './adapters/index';
import { loadStrings } from './i18n';
import { holdUntilState, releaseHold } from './page-style';
import { startSession } from './session';

async function pageState(site: string): Promise<PageState> {
  // The background may still be starting (service worker wake-up): try a few times.
  for (let attempt = 0; ; attempt++) {
    try {
      return await sendToBackground('getPageState', { site });
    } catch (error) {
      if (attempt >= 4) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** attempt));
    }
  }
}

const ignore = () => {}; // no hint: the hold ends with the page state

const domReady = () =>
  document.readyState === 'loading'
    ? new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }))
    : Promise.resolve();

async function main(): Promise<void> {
  if (document.documentElement.hasAttribute('data-uncanned-running')) return; // injected twice
  document.documentElement.setAttribute('data-uncanned-running', '');
  let adapter = pickAdapter(location, document);
  // Before the site paints (see styles.ts `pendingRule`). On an origin the user enabled, the adapter is known only
  // once the markup is there (Mastodon, WordPress): until then, what any of those would read is held.
  const held = adapter ? [adapter] : adapters.filter((candidate) => candidate.detect !== undefined);
  holdUntilState(document, held);
  const isHeld = (sites: readonly string[]) => held.some((candidate) => sites.includes(candidate.id));
  void loadHoldSites().then((sites) => sites && !isHeld(sites) && releaseHold(document), ignore);
  if (!adapter) {
    await domReady();
    adapter = pickAdapter(location, document);
  }
  if (!adapter) {
    releaseHold(document);
    if (window === window.top) {
      const site = location.hostname || 'unknown';
      const status = { site, url: location.href, recognised: false, read: 0, canned: 0, hidden: 0 };
      await sendToBackground('reportPageStatus', status);
    }
    return;
  }
  void loadStrings(); // in flight with the page state; chips come later, after a classify round trip
  startSession(adapter, document, await pageState(adapter.id));
}

main().catch((error: unknown) => console.warn('[uncanned] content script stopped:', error));
