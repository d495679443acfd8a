/**
 * Folding newly stored messages into the aggregates in two transactions: a read-only one over the messages
 * for what the cluster rows need, then a write over the aggregates alone. A classify batch storing its messages
 * meanwhile is not held up: only the short read shares the messages store with it. Both run inside the
 * aggregate queue, so no other aggregate write comes between them.
 */

import { applySenders, groupBy, growCluster, type HistoryTx, isFirstOfCluster, writeCluster } from './aggregates';
import { writeAggregates } from './aggregates-version';
import type { Db } from './db';
import type { ClusterRecord, MessageRecord } from './schema';
import { inTransaction } from './transaction';

/** Per cluster touched: its row to grow, or (no row yet) its folded messages to write one from. */
type ClusterPlan = Map<string, { old: ClusterRecord } | { members: MessageRecord[] }>;

async function planClusters(db: Db, records: readonly MessageRecord[], lastSeq: number): Promise<ClusterPlan> {
  const tx = db.transaction(['clusters', 'messages']);
  const plan: ClusterPlan = new Map();
  await Promise.all(
    [...groupBy(records, (record) => record.clusterId)].map(async ([clusterId, group]) => {
      if (isFirstOfCluster(group)) return;
      const old = await tx.objectStore('clusters').get(clusterId);
      if (old) return void plan.set(clusterId, { old });
      // No row: at most one folded message so far, plus these; newer ones are not folded yet.
      const stored = await tx.objectStore('messages').index('byCluster').getAll(clusterId);
      const members = stored.filter((record) => (record.seq ?? 0) <= lastSeq);
      if (members.length >= 2) plan.set(clusterId, { members });
    }),
  );
  await tx.done;
  return plan;
}

/** Folds `records` (seq order, none folded yet) in and records `lastSeq` under `seqKey` in the same write. */
export async function foldAdded(db: Db, records: readonly MessageRecord[], lastSeq: number, seqKey: string) {
  const plan = await planClusters(db, records, lastSeq);
  const tx = writeAggregates(db, ['senders', 'senderClusters', 'clusters', 'meta']);
  // The helpers below touch only senders, senderClusters and clusters, all in this transaction.
  const history = tx as unknown as HistoryTx;
  await inTransaction(tx, async () => {
    const clusters = [...plan].map(([clusterId, step]) => {
      if ('members' in step) return writeCluster(history, clusterId, step.members);
      const group = groupBy(
        records.filter((record) => record.clusterId === clusterId),
        () => clusterId,
      ).get(clusterId);
      return group ? growCluster(history, step.old, records, group) : undefined;
    });
    await Promise.all([
      applySenders(history, records, 1),
      ...clusters,
      tx.objectStore('meta').put({ key: seqKey, value: lastSeq }),
    ]);
  });
}
