/** The popup's and options page's lists: repeat senders and shared templates, searched, ranked and paged. */

import { senderKey } from '../shared/types';
import type { MuteRow, Page, RepeatSenderRow, TemplateRow } from '../shared/views';
import { flushAggregates } from '../store/aggregate-queue';
import type { Db } from '../store/db';
import { type FeedbackSets, listFeedback, toFeedbackSets } from '../store/feedback';
import { copiesInClusters } from '../store/messages';
import { listMutes } from '../store/mutes';
import {
  allRepeatSenders,
  allTemplates,
  countRepeatSenders,
  countTemplates,
  rankScore,
  topRepeatSenders,
  topTemplates,
} from '../store/ranked';
import type { ClusterRecord, MessageRecord, SenderClusterRecord } from '../store/schema';
import { loadSettings } from '../store/settings';
import { templateOf } from './copies';

interface Paging {
  query: string;
  offset: number;
  limit: number;
}

/** Copies read to show a text's varying parts: enough to see what varies, cheap for a page of 50 rows. */
const TEMPLATE_SAMPLE = 12;

const needleOf = (query: string) => query.trim().toLowerCase();
const matches = (needle: string, ...fields: (string | undefined)[]) =>
  fields.some((field) => field?.toLowerCase().includes(needle));

/** `rows` holds the ranked rows up to at least `offset + limit`; `total` counts them all. */
async function page<T, R>(
  rows: T[],
  total: number,
  { offset, limit }: Paging,
  map: (rows: T[]) => Promise<R[]>,
): Promise<Page<R>> {
  return { total, items: await map(rows.slice(offset, offset + limit)) };
}

/**
 * The ranked rows up to the end of the page and how many there are: without a query, read from the top of the
 * rank index (a page costs about a page of reads); a search has to look at every row.
 */
async function ranked<T>(
  paging: Paging,
  top: (k: number) => Promise<T[]>,
  count: () => Promise<number>,
  searched: (needle: string) => Promise<T[]>,
): Promise<{ rows: T[]; total: number }> {
  const needle = needleOf(paging.query);
  if (needle !== '') {
    const rows = await searched(needle);
    return { rows, total: rows.length };
  }
  const [rows, total] = await Promise.all([top(paging.offset + paging.limit), count()]);
  return { rows, total };
}

export async function listRepeatSenders(db: Db, paging: Paging, now = Date.now()): Promise<Page<RepeatSenderRow>> {
  await flushAggregates(db); // the rows include every batch answered so far
  const search = async (needle: string) =>
    (await allRepeatSenders(db))
      .filter((row) => matches(needle, row.sender, row.senderName, row.sampleText))
      .sort((a, b) => rankScore(b.count, b.lastSeen, now) - rankScore(a.count, a.lastSeen, now));
  const [{ rows, total }, mutes, feedback] = await Promise.all([
    ranked(
      paging,
      (k) => topRepeatSenders(db, k, now),
      () => countRepeatSenders(db),
      search,
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

const sendersOf = (db: Db, clusterId: string) =>
  db.getAll('senderClusters', IDBKeyRange.bound([clusterId], [clusterId, []]));

/** Counts both lists ahead of the popup (the counts are cached until the aggregates change). */
export async function warmListTotals(db: Db): Promise<void> {
  const minSenders = (await loadSettings()).detection.templateSenderThreshold;
  await Promise.all([countRepeatSenders(db), countTemplates(db, minSenders)]);
}

/** Texts posted by at least `minSenders` distinct senders (the template threshold in the settings). */
export async function listTemplates(
  db: Db,
  paging: Paging,
  minSenders: number,
  now = Date.now(),
): Promise<Page<TemplateRow>> {
  await flushAggregates(db);
  const search = async (needle: string) => {
    const clusters = await allTemplates(db, minSenders);
    const found = await Promise.all(
      clusters.map(async (cluster) => {
        const senders = await sendersOf(db, cluster.clusterId);
        return matches(needle, cluster.sampleText, ...senders.flatMap((row) => [row.sender, row.senderName]));
      }),
    );
    return clusters
      .filter((_cluster, index) => found[index])
      .sort((a, b) => rankScore(b.senderCount, b.lastSeen, now) - rankScore(a.senderCount, a.lastSeen, now));
  };
  const [{ rows, total }, feedback] = await Promise.all([
    ranked(
      paging,
      (k) => topTemplates(db, minSenders, k, now),
      () => countTemplates(db, minSenders),
      search,
    ),
    listFeedback(db).then(toFeedbackSets),
  ]);
  return page(rows, total, paging, async (shown: ClusterRecord[]) => {
    const reads = await templateReads(db, shown);
    return shown.map((cluster, index) => {
      const { senders, copies } = reads[index] ?? { senders: [], copies: [] };
      senders.sort((a, b) => b.lastSeen - a.lastSeen);
      return {
        clusterId: cluster.clusterId,
        template: templateOf(copies),
        sampleText: cluster.sampleText,
        count: cluster.count,
        senderCount: cluster.senderCount,
        senders: senders
          .slice(0, 20)
          .map(({ site, sender, senderName }) =>
            senderName === undefined ? { site, sender } : { site, sender, senderName },
          ),
        sites: [...new Set(senders.map((row) => row.site))],
        firstSeen: cluster.firstSeen,
        lastSeen: cluster.lastSeen,
        notCanned: feedback.clusters.has(cluster.clusterId),
      };
    });
  });
}

/** A page of templates' sender rows and first copies, read in one transaction. */
function templateReads(db: Db, clusters: readonly ClusterRecord[]) {
  const tx = db.transaction(['senderClusters', 'messages']);
  const byCluster = tx.objectStore('messages').index('byCluster');
  const senderRows = tx.objectStore('senderClusters');
  return Promise.all(
    clusters.map(async ({ clusterId }) => {
      const [senders, copies] = await Promise.all([
        senderRows.getAll(IDBKeyRange.bound([clusterId], [clusterId, []])),
        byCluster.getAll(clusterId, TEMPLATE_SAMPLE),
      ]);
      return { senders, copies };
    }),
  );
}
