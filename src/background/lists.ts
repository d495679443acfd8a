/** The popup's and options page's list of repeat senders, searched, ranked and paged (templates: templates-list.ts). */

import { senderKey } from '../shared/types';
import type { MuteRow, Page, RepeatSenderRow } from '../shared/views';
import { flushAggregates } from '../store/aggregate-queue';
import type { Db } from '../store/db';
import { type FeedbackSets, listFeedback, toFeedbackSets } from '../store/feedback';
import { copiesInClusters } from '../store/messages';
import { listMutes } from '../store/mutes';
import { allRepeatSenders, countRepeatSenders, countTemplates, rankScore, topRepeatSenders } from '../store/ranked';
import type { MessageRecord, SenderClusterRecord } from '../store/schema';
import { loadSettings } from '../store/settings';
import { templateOf } from './copies';
import { matches, type Paging, page, ranked, TEMPLATE_SAMPLE } from './list-paging';

export async function listRepeatSenders(db: Db, paging: Paging, now = Date.now()): Promise<Page<RepeatSenderRow>> {
  await flushAggregates(db); // the rows include every batch answered so far
  const search = async (needle: string) =>
    (await allRepeatSenders(db)).filter((row) => matches(needle, row.sender, row.senderName, row.sampleText));
  const [{ rows, total }, mutes, feedback] = await Promise.all([
    ranked(
      paging,
      (k) => topRepeatSenders(db, k, now),
      () => countRepeatSenders(db),
      search,
      (row) => rankScore(row.count, row.lastSeen, now),
    ),
    listMutes(db),
    listFeedback(db).then(toFeedbackSets),
  ]);
  const muteOf = new Map(mutes.map((mute) => [senderKey(mute.site, mute.sender), mute]));
  return page(rows, total, paging, async (shown: SenderClusterRecord[]) => {
    // Through the senders' own messages, bounded: the cluster may also be a template with thousands of copies, the
    // sender a bot with thousands of other messages.
    const messages = await copiesInClusters(db, shown, TEMPLATE_SAMPLE);
    return shown.map((row, index) => toSenderRow(row, messages[index] ?? [], muteOf, feedback));
  });
}

function toSenderRow(
  row: SenderClusterRecord,
  copies: MessageRecord[],
  muteOf: Map<string, MuteRow>,
  feedback: FeedbackSets,
): RepeatSenderRow {
  const key = senderKey(row.site, row.sender);
  const mute = muteOf.get(key);
  const result: RepeatSenderRow = {
    site: row.site,
    sender: row.sender,
    clusterId: row.clusterId,
    template: templateOf(copies),
    sampleText: row.sampleText,
    count: row.count,
    sites: [row.site],
    firstSeen: row.firstSeen,
    lastSeen: row.lastSeen,
    notCanned: feedback.senders.has(key) || feedback.clusters.has(row.clusterId),
  };
  if (row.senderName !== undefined) result.senderName = row.senderName;
  if (mute) result.mute = mute.until === undefined ? { scope: mute.scope } : { scope: mute.scope, until: mute.until };
  return result;
}

/** Counts both lists ahead of the popup (the counts are cached until the aggregates change). */
export async function warmListTotals(db: Db): Promise<void> {
  const minSenders = (await loadSettings()).detection.templateSenderThreshold;
  await Promise.all([countRepeatSenders(db), countTemplates(db, minSenders)]);
}
