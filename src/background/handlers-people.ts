/** Mutes, "not canned" feedback and forgetting a sender: persist, keep the engine in step, tell every tab. */

import type { FeedbackTarget } from '../core';
import type { ToBackground } from '../shared/messages';
import type { Handlers } from '../shared/messaging';
import { flushAggregates } from '../store/aggregate-queue';
import { getDb } from '../store/connection';
import { appendEngineOp } from '../store/derived';
import { deleteFeedback, putFeedback } from '../store/feedback';
import { forgetSenderMessages } from '../store/messages';
import { deleteMute, putMute, putMutes } from '../store/mutes';
import type { MuteRecord } from '../store/schema';
import { getEngineHost, saveEngineSnapshot, scheduleSnapshot } from './engine-host';
import { withWriteLock } from './lock';
import { broadcastPageState } from './page-state';
import { pushIfEnabled } from './sync-host';

type PeopleHandlers = Pick<
  Handlers<ToBackground>,
  'muteSender' | 'unmuteSender' | 'muteTemplate' | 'markNotCanned' | 'unmarkNotCanned' | 'forgetSender'
>;

/** After a change the content scripts must see: sync it and re-send the page state to all tabs. */
async function afterChange(): Promise<void> {
  const db = await getDb();
  await pushIfEnabled(db);
  await broadcastPageState();
}

function muteRecord(
  input: { site: string; sender: string; senderName?: string; until?: number },
  scope: MuteRecord['scope'],
): MuteRecord {
  const mute: MuteRecord = { site: input.site, sender: input.sender, scope, createdAt: Date.now() };
  if (input.senderName !== undefined) mute.senderName = input.senderName;
  if (input.until !== undefined) mute.until = input.until;
  return mute;
}

function checkUntil(until: number | undefined): void {
  if (until !== undefined && until <= Date.now()) throw new RangeError('A mute must end in the future');
}

async function setFeedback(target: FeedbackTarget, isNotCanned: boolean): Promise<void> {
  await withWriteLock(async () => {
    const host = await getEngineHost();
    if (isNotCanned) {
      await putFeedback(host.db, target);
      host.engine.addFeedback(target);
      scheduleSnapshot(host, 1); // a lost snapshot is harmless: restore re-adds stored feedback
      return;
    }
    // A removal must reach a restored engine even if the snapshot below is lost: journal it first.
    await appendEngineOp(host.db, { op: 'unfeedback', target });
    await deleteFeedback(host.db, target);
    host.engine.removeFeedback(target);
    await saveEngineSnapshot(host);
  });
}

export const peopleHandlers: PeopleHandlers = {
  async muteSender(input) {
    checkUntil(input.until);
    await putMute(await getDb(), muteRecord(input, input.scope));
    await afterChange();
  },
  async unmuteSender({ site, sender }) {
    await deleteMute(await getDb(), site, sender);
    await afterChange();
  },
  async muteTemplate({ clusterId, until }) {
    checkUntil(until);
    const db = await getDb();
    await flushAggregates(db);
    const senders = await db.getAll('senderClusters', IDBKeyRange.bound([clusterId], [clusterId, []]));
    if (senders.length === 0) throw new RangeError(`No senders in cluster ${clusterId}`);
    await putMutes(
      db,
      senders.map((row) => muteRecord({ ...row, until }, 'all')),
    );
    await afterChange();
  },
  async markNotCanned({ target }) {
    await setFeedback(target, true);
    await afterChange();
  },
  async unmarkNotCanned({ target }) {
    await setFeedback(target, false);
    await afterChange();
  },
  async forgetSender({ site, sender }) {
    await withWriteLock(async () => {
      const host = await getEngineHost();
      await appendEngineOp(host.db, { op: 'forget', site, sender });
      await forgetSenderMessages(host.db, site, sender);
      host.engine.forgetSender(site, sender);
      await saveEngineSnapshot(host);
    });
    await afterChange();
  },
};
