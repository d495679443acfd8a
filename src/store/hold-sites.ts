/**
 * The sites whose pages hold their messages unpainted until the page state arrives (content/page-style.ts): those
 * with an active mute of everything a sender writes, or all sites when canned messages are collapsed or hidden;
 * never a paused one. Kept in `storage.local`, which a content script reads at document_start without waking the
 * background: a page of any other site shows its comments at once, also after the browser stopped the worker.
 */
import { browser } from '../shared/browser';
import type { Settings } from '../shared/settings';
import { siteIds } from '../shared/types';
import type { MuteRecord } from './schema';

const KEY = 'holdSites';

export function holdSitesFor(settings: Settings, mutes: readonly MuteRecord[]): string[] {
  const isHeld = (site: string) =>
    settings.cannedAction !== 'flag' || mutes.some((mute) => mute.site === site && mute.scope === 'all');
  return siteIds.filter((site) => !settings.disabledSites.includes(site) && isHeld(site));
}

/** Undefined until the background first wrote it (a new install): then every page holds, as before it existed. */
export async function loadHoldSites(): Promise<readonly string[] | undefined> {
  const value = (await browser.storage.local.get(KEY))[KEY];
  return Array.isArray(value) ? value.filter((site): site is string => typeof site === 'string') : undefined;
}

export async function saveHoldSites(sites: readonly string[]): Promise<void> {
  const current = await loadHoldSites();
  if (current?.join() !== sites.join()) await browser.storage.local.set({ [KEY]: sites });
}
