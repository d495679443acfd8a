/**
 * What content scripts need to hide and flag on one site, and the broadcast that re-sends it to every open
 * tab after a change, so a mute in one tab hides that sender in all of them.
 */

import { browser } from '../shared/browser';
import { holdSitesFor } from '../shared/hold-sites';
import { sendToTab } from '../shared/messaging';
import type { Settings } from '../shared/settings';
import type { PageState } from '../shared/views';
import { getDb } from '../store/connection';
import type { Db } from '../store/db';
import { listFeedback } from '../store/feedback';
import { saveHoldSites } from '../store/hold-sites';
import { listMutes } from '../store/mutes';
import { loadSettings } from '../store/settings';
import { allTabSites } from '../store/tab-status';

export async function pageStateFor(db: Db, site: string, settings?: Settings): Promise<PageState> {
  const [current, mutes, feedback] = await Promise.all([
    settings ?? loadSettings(),
    listMutes(db, site),
    listFeedback(db),
  ]);
  const prefix = `${site}:`;
  const notCannedSenders = new Set(
    current.neverFlag.filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length)),
  );
  const notCannedClusters: string[] = [];
  for (const { target } of feedback) {
    if (target.kind === 'cluster') notCannedClusters.push(target.clusterId);
    else if (target.site === site) notCannedSenders.add(target.sender);
  }
  return {
    site,
    paused: current.disabledSites.includes(site),
    cannedAction: current.cannedAction,
    mutedAction: current.mutedAction,
    mutes: mutes.map(({ sender, senderName, scope, until }) => ({
      sender,
      scope,
      ...(senderName === undefined ? {} : { senderName }),
      ...(until === undefined ? {} : { until }),
    })),
    notCannedSenders: [...notCannedSenders],
    notCannedClusters,
    debug: current.debug,
  };
}

/** Which sites' pages hold their messages until their state arrives (store/hold-sites.ts); after every change. */
export async function updateHoldSites(db: Db, settings?: Settings): Promise<void> {
  const [current, mutes] = await Promise.all([settings ?? loadSettings(), listMutes(db)]);
  await saveHoldSites(holdSitesFor(current, mutes));
}

/**
 * Sends the new page state to every open tab whose content script reported a site. Tabs without a content
 * script (or closed meanwhile) reject the message; that is expected and ignored.
 */
export async function broadcastPageState(): Promise<number> {
  const db = await getDb();
  const [tabs, sites, settings] = await Promise.all([browser.tabs.query({}), allTabSites(db), loadSettings()]);
  await updateHoldSites(db, settings);
  const states = new Map<string, Promise<PageState>>();
  const sends = tabs.map(async (tab) => {
    const site = tab.id === undefined ? undefined : sites.get(tab.id);
    if (tab.id === undefined || site === undefined) return false;
    if (!states.has(site)) states.set(site, pageStateFor(db, site, settings));
    const state = await states.get(site);
    if (!state) return false;
    return sendToTab(tab.id, 'pageStateChanged', { state }).then(
      () => true,
      () => false,
    );
  });
  return (await Promise.all(sends)).filter(Boolean).length;
}
