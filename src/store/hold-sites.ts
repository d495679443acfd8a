/** Writes the list of sites whose pages hold their messages for the page state (see shared/hold-sites.ts). */
import { browser } from '../shared/browser';
import { holdSitesKey, loadHoldSites } from '../shared/hold-sites';

export async function saveHoldSites(sites: readonly string[]): Promise<void> {
  const current = await loadHoldSites();
  if (current?.join() !== sites.join()) await browser.storage.local.set({ [holdSitesKey]: sites });
}
