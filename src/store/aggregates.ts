/**
 * Sender and cluster totals, kept in step with the messages inside the same transaction. Messages are grouped
 * per key first, so a batch of 1,000 reads and writes each aggregate once. On removal, counts go down and rows
 * at zero are deleted; first/last-seen times are left as they were (they describe what was observed).
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
  const senderCountDelta = await applySenderClusters(tx, records, sign);
  await Promise.all([applySenders(tx, records, sign), applyClusters(tx, records, sign, senderCountDelta)]);
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

/** Returns, per cluster, how many senders joined (+) or left (-) it. */
async function applySenderClusters(
  tx: HistoryTx,
  records: readonly MessageRecord[],
  sign: 1 | -1,
): Promise<Map<string, number>> {
  const store = tx.objectStore('senderClusters');
  const groups = groupBy(records, (record) => JSON.stringify([record.clusterId, record.site, record.sender]));
  const senderCountDelta = new Map<string, number>();
  const bump = (clusterId: string, delta: number) =>
    senderCountDelta.set(clusterId, (senderCountDelta.get(clusterId) ?? 0) + delta);
  await Promise.all(
    [...groups.values()].map(async (group) => {
      const { clusterId, site, sender } = group.first;
      const old = await store.get([clusterId, site, sender]);
      const count = (old?.count ?? 0) + sign * group.count;
      if (count <= 0) {
        if (old) bump(clusterId, -1);
        return old ? store.delete([clusterId, site, sender]) : undefined;
      }
      if (!old) bump(clusterId, 1);
      const next: SenderClusterRecord = {
        clusterId,
        site,
        sender,
        senderName: (sign > 0 ? group.senderName : undefined) ?? old?.senderName,
        count,
        sampleText: old?.sampleText ?? group.first.text,
        ...span(group, sign, old),
      };
      return store.put(next);
    }),
  );
  return senderCountDelta;
}

async function applyClusters(
  tx: HistoryTx,
  records: readonly MessageRecord[],
  sign: 1 | -1,
  senderCountDelta: Map<string, number>,
): Promise<void> {
  const store = tx.objectStore('clusters');
  const groups = groupBy(records, (record) => record.clusterId);
  await Promise.all(
    [...groups.values()].map(async (group) => {
      const { clusterId } = group.first;
      const old = await store.get(clusterId);
      const count = (old?.count ?? 0) + sign * group.count;
      if (count <= 0) return old ? store.delete(clusterId) : undefined;
      const next: ClusterRecord = {
        clusterId,
        count,
        senderCount: Math.max(0, (old?.senderCount ?? 0) + (senderCountDelta.get(clusterId) ?? 0)),
        sampleText: old?.sampleText ?? group.first.text,
        ...span(group, sign, old),
      };
      return store.put(next);
    }),
  );
}
