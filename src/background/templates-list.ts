/** The popup's and options page's list of shared templates, searched, ranked and paged. */

import type { Page, TemplateRow } from '../shared/views';
import { flushAggregates } from '../store/aggregate-queue';
import type { Db } from '../store/db';
import { listFeedback, toFeedbackSets } from '../store/feedback';
import { allTemplates, countTemplates, rankScore, topTemplates } from '../store/ranked';
import type { ClusterRecord } from '../store/schema';
import { templateOf } from './copies';
import { matches, type Paging, page, ranked, TEMPLATE_SAMPLE } from './list-paging';

const rowsOf = (clusterId: string) => IDBKeyRange.bound([clusterId], [clusterId, []]);

/** Templates whose text, or one of whose senders, matches: senders read only where the text does not, in one transaction. */
async function searchTemplates(db: Db, clusters: ClusterRecord[], needle: string): Promise<ClusterRecord[]> {
  const byText: ClusterRecord[] = [];
  const rest: ClusterRecord[] = [];
  for (const cluster of clusters) (matches(needle, cluster.sampleText) ? byText : rest).push(cluster);
  const senderRows = db.transaction('senderClusters').store;
  const bySender = await Promise.all(
    rest.map(async (cluster) => {
      const senders = await senderRows.getAll(rowsOf(cluster.clusterId));
      return matches(needle, ...senders.flatMap((row) => [row.sender, row.senderName]));
    }),
  );
  return [...byText, ...rest.filter((_cluster, index) => bySender[index])];
}

/** Texts posted by at least `minSenders` distinct senders (the template threshold in the settings). */
export async function listTemplates(
  db: Db,
  paging: Paging,
  minSenders: number,
  now = Date.now(),
): Promise<Page<TemplateRow>> {
  await flushAggregates(db);
  const search = async (needle: string) => searchTemplates(db, await allTemplates(db, minSenders), needle);
  const [{ rows, total }, feedback] = await Promise.all([
    ranked(
      paging,
      (k) => topTemplates(db, minSenders, k, now),
      () => countTemplates(db, minSenders),
      search,
      (cluster) => rankScore(cluster.senderCount, cluster.lastSeen, now),
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
        senderRows.getAll(rowsOf(clusterId)),
        byCluster.getAll(clusterId, TEMPLATE_SAMPLE),
      ]);
      return { senders, copies };
    }),
  );
}
