/**
 * The background (Chrome service worker, Firefox event page). Every listener is registered synchronously at
 * the top level, so an event that wakes a stopped worker is delivered; all state lives in storage.
 */

import { browser } from '../shared/browser';
import { handleInBackground } from '../shared/messaging';
import { getDb } from '../store/connection';
import { installE2eHooks } from './e2e-hooks';
import { getEngineHost } from './engine-host';
import { handlers } from './handlers';
import { withWriteLock } from './lock';
import { enforceRetention } from './maintenance';
import { broadcastPageState, updateHoldSites } from './page-state';
import { pullIfNewer } from './sync-host';
import { forgetTab, refreshBadge, tabNavigated } from './tabs';

const logFailure = (what: string) => (error: unknown) => console.error(`[uncanned] ${what} failed:`, error);

handleInBackground(handlers);

async function startUp(): Promise<void> {
  // Retention needs the engine too (it is pruned alongside): this restores it once per browser start.
  const host = await getEngineHost();
  await withWriteLock(() => enforceRetention(host, true));
  if (await pullIfNewer(host.db)) await broadcastPageState();
  else await updateHoldSites(host.db);
}

browser.runtime.onInstalled.addListener(() => void startUp().catch(logFailure('start-up')));
browser.runtime.onStartup.addListener(() => void startUp().catch(logFailure('start-up')));
browser.tabs.onActivated.addListener(({ tabId }) => void refreshBadge(tabId).catch(logFailure('badge')));
browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId).catch(logFailure('tab cleanup')));
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') void tabNavigated(tabId).catch(logFailure('tab frames'));
});
browser.storage.onChanged.addListener((_changes, area) => {
  if (area !== 'sync') return;
  void getDb()
    .then((db) => pullIfNewer(db))
    .then((applied) => (applied ? broadcastPageState() : 0))
    .catch(logFailure('sync pull'));
});

if (__UNCANNED_E2E__) installE2eHooks();
