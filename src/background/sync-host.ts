/**
 * Keeps mutes, feedback and settings in `storage.sync` when `syncEnabled` is on. The synced value is an export
 * file without history, so a pull is validated exactly like an import. The newer side wins, as a whole.
 */
import { browser } from '../shared/browser';
import type { Db } from '../store/db';
import { buildExportFile, parseExportFile } from '../store/export-file';
import { listFeedback } from '../store/feedback';
import { listMutes } from '../store/mutes';
import { loadSettings, saveSettings, settingsUpdatedAt } from '../store/settings';
import { pullSync, pushSync } from '../store/sync';
import { replaceMutesAndFeedback, writeMutesAndFeedback } from './data-import';

const STATE_KEY = 'syncState';

async function lastSyncedAt(): Promise<number> {
  const value = (await browser.storage.local.get(STATE_KEY))[STATE_KEY] as { savedAt?: unknown } | undefined;
  return typeof value?.savedAt === 'number' ? value.savedAt : 0;
}

export async function exportWithoutHistory(db: Db, now = Date.now()): Promise<string> {
  const [settings, mutes, feedback] = await Promise.all([loadSettings(), listMutes(db), listFeedback(db)]);
  return buildExportFile({
    exportedAt: now,
    settings,
    mutes,
    feedback: feedback.map(({ target, createdAt }) => ({ target, createdAt })),
  });
}

/** Pushes the local state when sync is on. A payload too big for storage.sync is logged, not thrown. */
export async function pushIfEnabled(db: Db, now = Date.now()): Promise<boolean> {
  if (!(await loadSettings()).syncEnabled) return false;
  try {
    // Recorded first: our own write fires storage.onChanged, and the pull it triggers must see nothing newer.
    await browser.storage.local.set({ [STATE_KEY]: { savedAt: now } });
    await pushSync(JSON.parse(await exportWithoutHistory(db, now)), now);
    return true;
  } catch (error) {
    console.warn('[uncanned] sync push failed:', error);
    return false;
  }
}

/**
 * Applies the synced state if it is newer than what this device last synced and than its own settings.
 * Returns true when something was applied (the caller broadcasts the new page state).
 */
export async function pullIfNewer(db: Db): Promise<boolean> {
  if (!(await loadSettings()).syncEnabled) return false;
  const remote = await pullSync();
  if (!remote || remote.meta.savedAt <= Math.max(await lastSyncedAt(), await settingsUpdatedAt())) return false;
  try {
    const file = parseExportFile(JSON.stringify(remote.payload));
    await replaceMutesAndFeedback(db, file.mutes, file.feedback);
    await saveSettings({ ...file.settings, syncEnabled: true }, remote.meta.savedAt);
    await browser.storage.local.set({ [STATE_KEY]: { savedAt: remote.meta.savedAt } });
    return true;
  } catch (error) {
    console.warn('[uncanned] ignoring an invalid synced state:', error);
    return false;
  }
}

/**
 * Sync was just turned on: merge what other devices synced (mutes and feedback, union; local settings win, the
 * user is changing them right now), then push the union. Pushing first would wipe the other devices' mutes.
 */
export async function joinSync(db: Db): Promise<void> {
  const remote = await pullSync();
  if (remote) {
    try {
      const file = parseExportFile(JSON.stringify(remote.payload));
      const local = new Set((await listMutes(db)).map((mute) => JSON.stringify([mute.site, mute.sender])));
      const newMutes = file.mutes.filter((mute) => !local.has(JSON.stringify([mute.site, mute.sender])));
      await writeMutesAndFeedback(db, newMutes, file.feedback);
    } catch (error) {
      console.warn('[uncanned] ignoring an invalid synced state:', error);
    }
  }
  await pushIfEnabled(db);
}
