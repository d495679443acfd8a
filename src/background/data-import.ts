/**
 * Writing a validated export file: mutes and feedback in one transaction, then settings, then (optionally)
 * history through the engine so verdicts and aggregates are computed as if the messages had just been seen.
 */
import type { Db } from '../store/db';
import { derivedFeedback, type ExportedFeedback, type ExportedMessage, type ExportedMute } from '../store/export-file';
import type { MessageRecord } from '../store/schema';
import { inTransaction } from '../store/transaction';
import { toRecord } from './classify';

export async function writeMutesAndFeedback(
  db: Db,
  mutes: readonly ExportedMute[],
  feedback: readonly ExportedFeedback[],
  replace = false,
): Promise<void> {
  const tx = db.transaction(['mutes', 'feedback'], 'readwrite');
  await inTransaction(tx, async () => {
    if (replace) await Promise.all([tx.objectStore('mutes').clear(), tx.objectStore('feedback').clear()]);
    await Promise.all([
      ...mutes.map((mute) => tx.objectStore('mutes').put(mute)),
      ...feedback.map((item) => tx.objectStore('feedback').put(derivedFeedback(item))),
    ]);
  });
}

export const replaceMutesAndFeedback = (
  db: Db,
  mutes: readonly ExportedMute[],
  feedback: readonly ExportedFeedback[],
) => writeMutesAndFeedback(db, mutes, feedback, true);

/** History items as classify would have stored them before the engine runs, oldest first. */
export function historyRecords(history: readonly ExportedMessage[]): MessageRecord[] {
  return [...history]
    .sort((a, b) => (a.seenAt ?? a.time) - (b.seenAt ?? b.time))
    .map((item) => toRecord(item.site, item, item.seenAt ?? item.time));
}
