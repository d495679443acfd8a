/**
 * Sender and cluster totals, folded in after the messages are stored (see `aggregate-queue.ts`). Messages are grouped
 * per key first, so a batch reads and writes each aggregate once. Sender rows count down on removal (their
 * first/last-seen times stay: they describe what was observed), and so do cluster rows.
 */
import type { IDBPTransaction } from 'idb';
import type { ClusterRecord, MessageRecord, SenderClusterRecord, SenderRecord, UncannedDb } from './schema';

export type HistoryTx = IDBPTransaction<
  UncannedDb,
  ('messages' | 'senders' | 'senderClusters' | 'clusters')[],
  'readwrite'
>;

export interface Group {
  first: MessageRecord;
  last: MessageRecord;
  /** The most recent display name given (pages do not always show one). */
  senderName: string | undefined;
  count: number;
  canned: number;
}

export function groupBy(
  records: readonly MessageRecord[],
  keyOf: (record: MessageRecord) => string,
): Map<string, Group> {
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

/** The engine said this message started its cluster: no row can exist yet, skip without a request. */
export const isFirstOfCluster = (group: Group): boolean =>
  group.count === 1 && group.first.senderCount === 1 && group.first.templateSenders === 1;

const span = (group: Group, sign: 1 | -1, old?: { firstSeen: number; lastSeen: number }) => ({
  firstSeen: sign > 0 ? Math.min(old?.firstSeen ?? Infinity, group.first.seenAt) : (old?.firstSeen ?? 0),
  lastSeen: sign > 0 ? Math.max(old?.lastSeen ?? 0, group.last.seenAt) : (old?.lastSeen ?? 0),
});

/**
 * Adds (`sign` 1) or removes (`sign` -1) `records` from every aggregate. Cluster rows recomputed from the stored
 * messages count only those up to `foldedSeq`: newer ones are stored but not folded in yet (`aggregate-queue.ts`).
 */
export async function applyToAggregates(
  tx: HistoryTx,
  records: readonly MessageRecord[],
  sign: 1 | -1,
  foldedSeq = Number.POSITIVE_INFINITY,
): Promise<void> {
  const clusters = sign > 0 ? applyClusters(tx, records, foldedSeq) : shrinkClusters(tx, records);
  await Promise.all([applySenders(tx, records, sign), clusters]);
}

export async function applySenders(tx: HistoryTx, records: readonly MessageRecord[], sign: 1 | -1): Promise<void> {
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
async function applyClusters(tx: HistoryTx, records: readonly MessageRecord[], foldedSeq: number): Promise<void> {
  const byCluster = tx.objectStore('messages').index('byCluster');
  const groups = groupBy(records, (record) => record.clusterId);
  await Promise.all(
    [...groups.entries()].map(async ([clusterId, group]) => {
      if (isFirstOfCluster(group)) return;
      const old = await tx.objectStore('clusters').get(clusterId);
      if (old) return growCluster(tx, old, records, group);
      if ((await byCluster.getAllKeys(clusterId)).filter((seq) => seq <= foldedSeq).length < 2) return;
      await recomputeCluster(tx, clusterId, foldedSeq);
    }),
  );
}

/**
 * Counts removed messages down, without reading the cluster's messages (a template can have thousands, and
 * retention removes a few of them at a time). Seen times and the sample stay, like a sender's: they describe
 * what was observed. A cluster left with one message loses its rows.
 */
async function shrinkClusters(tx: HistoryTx, records: readonly MessageRecord[]): Promise<void> {
  const rows = tx.objectStore('senderClusters');
  const groups = groupBy(records, (record) => record.clusterId);
  await Promise.all(
    [...groups.entries()].map(async ([clusterId, group]) => {
      const old = await tx.objectStore('clusters').get(clusterId);
      if (!old) return;
      const count = old.count - group.count;
      if (count < 2) {
        const keys = await rows.getAllKeys(IDBKeyRange.bound([clusterId], [clusterId, []]));
        await Promise.all([...keys.map((key) => rows.delete(key)), tx.objectStore('clusters').delete(clusterId)]);
        return;
      }
      const mine = records.filter((record) => record.clusterId === clusterId);
      const senders = groupBy(mine, (record) => JSON.stringify([record.site, record.sender]));
      let gone = 0;
      await Promise.all(
        [...senders.values()].map(async (part) => {
          const key: [string, string, string] = [clusterId, part.first.site, part.first.sender];
          const row = await rows.get(key);
          if (!row) return;
          if (row.count - part.count > 0) return rows.put({ ...row, count: row.count - part.count });
          gone += 1;
          return rows.delete(key);
        }),
      );
      await tx.objectStore('clusters').put({ ...old, count, senderCount: old.senderCount - gone });
    }),
  );
}

export async function growCluster(tx: HistoryTx, old: ClusterRecord, records: readonly MessageRecord[], group: Group) {
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
async function recomputeCluster(tx: HistoryTx, clusterId: string, foldedSeq: number): Promise<void> {
  const stored = await tx.objectStore('messages').index('byCluster').getAll(clusterId);
  await writeCluster(
    tx,
    clusterId,
    stored.filter((record) => (record.seq ?? 0) <= foldedSeq),
  );
}

/** Rewrites a cluster's rows from `messages`, all of its folded messages (rows go when fewer than 2 are left). */
export async function writeCluster(tx: HistoryTx, clusterId: string, messages: MessageRecord[]): Promise<void> {
  const store = tx.objectStore('senderClusters');
  const oldKeys = await store.getAllKeys(IDBKeyRange.bound([clusterId], [clusterId, []]));
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
