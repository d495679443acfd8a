/**
 * The sites whose pages hold their messages unpainted until the page state arrives (content/page-style.ts): those
 * with an active mute of everything a sender writes, or all sites when canned messages are collapsed or hidden;
 * never a paused one. The background writes the list (store/hold-sites.ts) to `storage.local`, which a content
 * script reads at document_start without waking the background: a page of any other site paints at once, also
 * after the browser stopped the worker. The one storage read outside the store, because content scripts need it.
 */
import { browser } from './browser';
import type { Settings } from './settings';
import { siteIds } from './types';
import type { MuteRow } from './views';

export const holdSitesKey = 'holdSites';

export function holdSitesFor(settings: Settings, mutes: readonly MuteRow[]): string[] {
  const isHeld = (site: string) =>
    settings.cannedAction !== 'flag' || mutes.some((mute) => mute.site === site && mute.scope === 'all');
  return siteIds.filter((site) => !settings.disabledSites.includes(site) && isHeld(site));
}

/** Undefined until the background first wrote it (a new install): then every page holds. */
export async function loadHoldSites(): Promise<readonly string[] | undefined> {
  const value = (await browser.storage.local.get(holdSitesKey))[holdSitesKey];
  return Array.isArray(value) ? value.filter((site): site is string => typeof site === 'string') : undefined;
}
