/**
 * Sender and cluster totals, kept in step with the messages inside the same transaction. Messages are grouped
 * per key first, so a batch reads and writes each aggregate once. Sender rows count down on removal (their
 * first/last-seen times stay: they describe what was observed); cluster rows are recomputed.
 */
import type { IDBPTransaction } from 'idb';
import type { ClusterRecord, MessageRecord, SenderClusterRecord, SenderRecord, UncannedDb } from './schema';

export type HistoryTx = IDBPTransaction<
  UncannedDb,
  ('messages' | 'senders' | 'senderClusters' | 'clusters')[],
  'readwrite'
>;

interface Group {
  first: MessageRecord;
  last: MessageRecord;
  /** The most recent display name given (pages do not always show one). */
  senderName: string | undefined;
  count: number;
  canned: number;
}

function groupBy(records: readonly MessageRecord[], keyOf: (record: MessageRecord) => string): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const record of records) {
    const key = keyOf(record);
    const group = groups.get(key);
    const canned = record.canned ? 1 : 0;
    if (!group) groups.set(key, { first: record, last: record, senderName: record.senderName, count: 1, canned });
    else {
      if (record.seenAt < group.first.seenAt) group.first = record;
      if (record.seenAt >= group.last.seenAt) group.last = record;
      if (record.senderName !== undefined && record.seenAt >= group.last.seenAt) group.senderName = record.senderName;
      group.senderName ??= record.senderName;
      group.count += 1;
      group.canned += canned;
    }
  }
  return groups;
}

const span = (group: Group, sign: 1 | -1, old?: { firstSeen: number; lastSeen: number }) => ({
  firstSeen: sign > 0 ? Math.min(old?.firstSeen ?? Infinity, group.first.seenAt) : (old?.firstSeen ?? 0),
  lastSeen: sign > 0 ? Math.max(old?.lastSeen ?? 0, group.last.seenAt) : (old?.lastSeen ?? 0),
});

/** Adds (`sign` 1) or removes (`sign` -1) `records` from every aggregate. */
export async function applyToAggregates(tx: HistoryTx, records: readonly MessageRecord[], sign: 1 | -1): Promise<void> {
  await Promise.all([applySenders(tx, records, sign), applyClusters(tx, records, sign)]);
}

async function applySenders(tx: HistoryTx, records: readonly MessageRecord[], sign: 1 | -1): Promise<void> {
  const store = tx.objectStore('senders');
  const groups = groupBy(records, (record) => JSON.stringify([record.site, record.sender]));
  await Promise.all(
    [...groups.values()].map(async (group) => {
      const { site, sender } = group.first;
      const old = await store.get([site, sender]);
      const messages = (old?.messages ?? 0) + sign * group.count;
      if (messages <= 0) return store.delete([site, sender]);
      const next: SenderRecord = {
        site,
        sender,
        senderName: (sign > 0 ? group.senderName : undefined) ?? old?.senderName,
        messages,
        canned: Math.max(0, (old?.canned ?? 0) + sign * group.canned),
        ...span(group, sign, old),
      };
      return store.put(next);
    }),
  );
}

/**
 * Cluster rows exist only for clusters of 2+ messages (most messages are one of a kind: for them this is one
 * count request instead of four reads and writes). A cluster that just reached 2, or lost messages, is
 * recomputed from its messages; a known cluster that grows is updated in place.
 */
async function applyClusters(tx: HistoryTx, records: readonly MessageRecord[], sign: 1 | -1): Promise<void> {
  const byCluster = tx.objectStore('messages').index('byCluster');
  const groups = groupBy(records, (record) => record.clusterId);
  await Promise.all(
    [...groups.entries()].map(async ([clusterId, group]) => {
      // The engine said this message started its cluster: no row can exist yet, skip without a request.
      const isFirstOfCluster = group.count === 1 && group.first.senderCount === 1 && group.first.templateSenders === 1;
      if (sign > 0 && isFirstOfCluster) return;
      const old = await tx.objectStore('clusters').get(clusterId);
      if (!old && sign > 0 && (await byCluster.count(clusterId)) < 2) return;
      if (old && sign > 0) return growCluster(tx, old, records, group);
      if (old || sign > 0) await recomputeCluster(tx, clusterId);
    }),
  );
}

async function growCluster(tx: HistoryTx, old: ClusterRecord, records: readonly MessageRecord[], group: Group) {
  const store = tx.objectStore('senderClusters');
  const mine = records.filter((record) => record.clusterId === old.clusterId);
  const senders = groupBy(mine, (record) => JSON.stringify([record.site, record.sender]));
  let joined = 0;
  await Promise.all(
    [...senders.values()].map(async (part) => {
      const { clusterId, site, sender } = part.first;
      const row = await store.get([clusterId, site, sender]);
      if (!row) joined += 1;
      const next: SenderClusterRecord = {
        clusterId,
        site,
        sender,
        senderName: part.senderName ?? row?.senderName,
        count: (row?.count ?? 0) + part.count,
        sampleText: row?.sampleText ?? part.first.text,
        ...span(part, 1, row),
      };
      return store.put(next);
    }),
  );
  const next = {
    ...old,
    count: old.count + group.count,
    senderCount: old.senderCount + joined,
    ...span(group, 1, old),
  };
  await tx.objectStore('clusters').put(next);
}

/** Rewrites a cluster's rows from its stored messages (deleting them when fewer than 2 are left). */
async function recomputeCluster(tx: HistoryTx, clusterId: string): Promise<void> {
  const store = tx.objectStore('senderClusters');
  const range = IDBKeyRange.bound([clusterId], [clusterId, []]);
  const [messages, oldKeys] = await Promise.all([
    tx.objectStore('messages').index('byCluster').getAll(clusterId),
    store.getAllKeys(range),
  ]);
  await Promise.all(oldKeys.map((key) => store.delete(key)));
  if (messages.length < 2) return tx.objectStore('clusters').delete(clusterId);
  const ordered = [...messages].sort((a, b) => a.seenAt - b.seenAt || (a.seq ?? 0) - (b.seq ?? 0));
  const senders = groupBy(ordered, (record) => JSON.stringify([record.site, record.sender]));
  await Promise.all(
    [...senders.values()].map(({ first, last, senderName, count }) =>
      store.put({
        clusterId,
        site: first.site,
        sender: first.sender,
        senderName,
        count,
        sampleText: first.text,
        firstSeen: first.seenAt,
        lastSeen: last.seenAt,
      }),
    ),
  );
  const [first] = ordered;
  const last = ordered[ordered.length - 1];
  const cluster: ClusterRecord = {
    clusterId,
    count: ordered.length,
    senderCount: senders.size,
    sampleText: first?.text ?? '',
    firstSeen: first?.seenAt ?? 0,
    lastSeen: last?.seenAt ?? 0,
  };
  await tx.objectStore('clusters').put(cluster);
}
