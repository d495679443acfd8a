/** The popup's and options page's lists: repeat senders and shared templates, searched, ranked and paged. */

import { senderKey } from '../shared/types';
import type { Page, RepeatSenderRow, TemplateRow } from '../shared/views';
import { flushAggregates } from '../store/aggregate-queue';
import type { Db } from '../store/db';
import { listFeedback, toFeedbackSets } from '../store/feedback';
import { messagesOfCluster, messagesOfSender } from '../store/messages';
import { listMutes } from '../store/mutes';
import type { ClusterRecord, SenderClusterRecord } from '../store/schema';
import { templateOf } from './copies';

interface Paging {
  query: string;
  offset: number;
  limit: number;
}

const WEEK = 7 * 24 * 60 * 60 * 1000;
/** Copies read to show a template's varying parts: enough to see what varies, cheap for a page of 50 rows. */
const TEMPLATE_SAMPLE = 12;
/** How often and how recently: the count, halved for every week since the last copy. */
const score = (count: number, lastSeen: number, now: number) => count / (1 + Math.max(0, now - lastSeen) / WEEK);

const matches = (query: string, ...fields: (string | undefined)[]) => {
  const needle = query.trim().toLowerCase();
  return needle === '' || fields.some((field) => field?.toLowerCase().includes(needle));
};

function page<T, R>(rows: T[], { offset, limit }: Paging, map: (row: T) => Promise<R>): Promise<Page<R>> {
  return Promise.all(rows.slice(offset, offset + limit).map(map)).then((items) => ({ total: rows.length, items }));
}

export async function listRepeatSenders(db: Db, paging: Paging, now = Date.now()): Promise<Page<RepeatSenderRow>> {
  await flushAggregates(db); // the rows include every batch answered so far
  const [repeats, mutes, feedback] = await Promise.all([
    db.getAllFromIndex('senderClusters', 'byCount', IDBKeyRange.lowerBound(2)),
    listMutes(db),
    listFeedback(db).then(toFeedbackSets),
  ]);
  const found = repeats
    .filter((row) => matches(paging.query, row.sender, row.senderName, row.sampleText))
    .sort((a, b) => score(b.count, b.lastSeen, now) - score(a.count, a.lastSeen, now));
  const muteOf = new Map(mutes.map((mute) => [senderKey(mute.site, mute.sender), mute]));
  return page(found, paging, async (row: SenderClusterRecord) => {
    // Through the sender's own messages: a repeat sender's cluster may also be a template with thousands of copies.
    const copies = (await messagesOfSender(db, row.site, row.sender)).filter((m) => m.clusterId === row.clusterId);
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
  });
}

const sendersOf = (db: Db, clusterId: string) =>
  db.getAll('senderClusters', IDBKeyRange.bound([clusterId], [clusterId, []]));

/** Texts posted by at least `minSenders` distinct senders (the template threshold in the settings). */
export async function listTemplates(
  db: Db,
  paging: Paging,
  minSenders: number,
  now = Date.now(),
): Promise<Page<TemplateRow>> {
  await flushAggregates(db);
  const [clusters, feedback] = await Promise.all([
    db.getAllFromIndex('clusters', 'bySenderCount', IDBKeyRange.lowerBound(minSenders)),
    listFeedback(db).then(toFeedbackSets),
  ]);
  const withSenders = await Promise.all(
    clusters.map(async (cluster) => ({
      cluster,
      senders: paging.query.trim() ? await sendersOf(db, cluster.clusterId) : [],
    })),
  );
  const found = withSenders
    .filter(({ cluster, senders }) =>
      matches(paging.query, cluster.sampleText, ...senders.flatMap((row) => [row.sender, row.senderName])),
    )
    .map(({ cluster }) => cluster)
    .sort((a, b) => score(b.senderCount, b.lastSeen, now) - score(a.senderCount, a.lastSeen, now));
  return page(found, paging, async (cluster: ClusterRecord) => {
    const senders = (await sendersOf(db, cluster.clusterId)).sort((a, b) => b.lastSeen - a.lastSeen);
    return {
      clusterId: cluster.clusterId,
      template: templateOf(await messagesOfCluster(db, cluster.clusterId, TEMPLATE_SAMPLE)),
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
}
