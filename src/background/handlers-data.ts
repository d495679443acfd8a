/** Settings, status, export, import and wiping everything. */

import type { ToBackground } from '../shared/messages';
import type { Handlers } from '../shared/messaging';
import type { ImportSummary } from '../shared/views';
import { clearAggregates, flushAggregates } from '../store/aggregate-queue';
import { writeAggregates } from '../store/aggregates-version';
import { getDb } from '../store/connection';
import { buildExportFile, parseExportFile } from '../store/export-file';
import { countMessages, forEachMessageAfter } from '../store/messages';
import { historyStores } from '../store/schema';
import { clearSettings, loadSettings, saveSettings, updateSettings } from '../store/settings';
import { inTransaction } from '../store/transaction';
import { ingest } from './classify';
import { historyRecords, writeMutesAndFeedback } from './data-import';
import { dropEngine, getEngineHost, reconfigureEngine } from './engine-host';
import { withWriteLock } from './lock';
import { clearQuotaWarning, enforceRetention, quotaWarning } from './maintenance';
import { broadcastPageState } from './page-state';
import { exportWithoutHistory, joinSync, pushIfEnabled } from './sync-host';

type DataHandlers = Pick<
  Handlers<ToBackground>,
  'getSettings' | 'updateSettings' | 'setSitePaused' | 'getStatus' | 'exportData' | 'importData' | 'clearAllData'
>;

const IMPORT_BATCH = 500;

async function afterSettingsChange(before: {
  detection: unknown;
  retention: unknown;
  syncEnabled: boolean;
}): Promise<void> {
  const host = await getEngineHost();
  const after = await loadSettings();
  if (JSON.stringify(before.detection) !== JSON.stringify(after.detection)) await reconfigureEngine(after.detection);
  if (JSON.stringify(before.retention) !== JSON.stringify(after.retention)) {
    await withWriteLock(() => enforceRetention(host, true));
  }
  await (after.syncEnabled && !before.syncEnabled ? joinSync(host.db) : pushIfEnabled(host.db));
  await broadcastPageState();
}

async function importFile(json: string): Promise<ImportSummary> {
  const file = parseExportFile(json); // throws, naming every problem, before anything is written
  const host = await getEngineHost();
  const previous = await loadSettings();
  await saveSettings(file.settings);
  try {
    await writeMutesAndFeedback(host.db, file.mutes, file.feedback);
  } catch (error) {
    await saveSettings(previous); // all or nothing: the mutes did not go in, so neither do the settings
    throw error;
  }
  const records = historyRecords(file.history ?? []);
  await withWriteLock(async () => {
    for (let start = 0; start < records.length; start += IMPORT_BATCH) {
      await ingest(await getEngineHost(), records.slice(start, start + IMPORT_BATCH));
    }
  });
  await reconfigureEngine(file.settings.detection);
  const { engine } = await getEngineHost();
  for (const { target } of file.feedback) engine.addFeedback(target);
  return { mutes: file.mutes.length, feedback: file.feedback.length, settings: true, messages: records.length };
}

async function exportFile(includeHistory: boolean) {
  const db = await getDb();
  const file = JSON.parse(await exportWithoutHistory(db));
  if (includeHistory) {
    file.history = [];
    await forEachMessageAfter(db, 0, (chunk) => {
      for (const { site, id, sender, senderName, text, permalink, time, seenAt } of chunk) {
        file.history.push({ site, id, sender, senderName, text, permalink, time, seenAt });
      }
    });
  }
  const day = new Date().toISOString().slice(0, 10);
  return { json: buildExportFile(file), fileName: `uncanned-export-${day}.json` };
}

async function clearAll(): Promise<void> {
  await withWriteLock(async () => {
    const { db } = await getEngineHost();
    const stores = [...historyStores, 'mutes', 'feedback', 'engine', 'meta', 'counters'] as const;
    await clearAggregates(db, async () => {
      const tx = writeAggregates(db, stores);
      await inTransaction(tx, () => Promise.all(stores.map((name) => tx.objectStore(name).clear())));
    });
    await clearSettings();
    dropEngine();
  });
}

export const dataHandlers: DataHandlers = {
  getSettings: () => loadSettings(),
  async updateSettings({ settings }) {
    const before = await loadSettings();
    const updated = await updateSettings(settings);
    await afterSettingsChange(before);
    return updated;
  },
  async setSitePaused({ site, paused }) {
    const { disabledSites } = await loadSettings();
    const next = paused ? [...new Set([...disabledSites, site])] : disabledSites.filter((item) => item !== site);
    await updateSettings({ disabledSites: next });
    await afterSettingsChange(await loadSettings());
  },
  async getStatus() {
    const db = await getDb();
    await flushAggregates(db);
    const [messages, senders, warning] = await Promise.all([countMessages(db), db.count('senders'), quotaWarning(db)]);
    return { messages, senders, quotaWarning: warning };
  },
  exportData: ({ includeHistory }) => exportFile(includeHistory),
  async importData({ json }) {
    const summary = await importFile(json);
    await broadcastPageState();
    return summary;
  },
  async clearAllData() {
    await clearAll();
    await clearQuotaWarning(await getDb());
    await broadcastPageState();
  },
};
