/** Message history: batched writes (one transaction per batch, aggregates included) and the reads built on it. */
import { applyToAggregates } from './aggregates';
import type { Db } from './db';
import { historyStores, type MessageRecord } from './schema';
import { allRequests, inTransaction } from './transaction';

/** The lookup key of a message: its (site, id). */
export const messageKey = (message: { site: string; id: string }): string => JSON.stringify([message.site, message.id]);

/** Stored messages with these (site, id) pairs, by `messageKey`. */
export async function findMessages(
  db: Db,
  keys: readonly { site: string; id: string }[],
): Promise<Map<string, MessageRecord>> {
  const index = db.transaction('messages').store.index('bySiteId');
  const found = await Promise.all(keys.map(({ site, id }) => index.get([site, id])));
  return new Map(found.filter((record) => record !== undefined).map((record) => [messageKey(record), record]));
}

/**
 * Adds new messages and their aggregates in one transaction, skipping any (site, id) already stored (another
 * tab may have sent the same item a moment earlier). Returns the records actually added, with their `seq`.
 */
export async function addMessages(db: Db, records: readonly MessageRecord[]): Promise<MessageRecord[]> {
  const tx = db.transaction(historyStores, 'readwrite');
  return inTransaction(tx, async () => {
    const messages = tx.objectStore('messages');
    const bySiteId = messages.index('bySiteId');
    const seen = new Set<string>();
    const existing = await allRequests(records, (record) => bySiteId.getKey([record.site, record.id]));
    const fresh = records.filter((record, index) => {
      const key = messageKey(record);
      if (existing[index] !== undefined || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const seqs = await allRequests(fresh, ({ seq: _unused, ...record }) => messages.add(record));
    const added = fresh.map((record, index) => ({ ...record, seq: seqs[index] }));
    await applyToAggregates(tx, added, 1);
    return added;
  });
}

/** Deletes messages (with their aggregates) in one transaction. */
export async function deleteMessages(db: Db, records: readonly MessageRecord[]): Promise<void> {
  const tx = db.transaction(historyStores, 'readwrite');
  await inTransaction(tx, async () => {
    const messages = tx.objectStore('messages');
    const present = await allRequests(records, (record) =>
      record.seq === undefined ? Promise.resolve(undefined) : messages.getKey(record.seq),
    );
    // Only what is still stored counts down the aggregates (a concurrent forget may have deleted some).
    const stored = records.filter((_record, index) => present[index] !== undefined);
    await allRequests(stored, (record) => messages.delete(record.seq as number));
    await applyToAggregates(tx, stored, -1);
  });
}

export function messagesOfSender(db: Db, site: string, sender: string): Promise<MessageRecord[]> {
  return db.getAllFromIndex('messages', 'bySender', [site, sender]);
}

export function messagesOfCluster(db: Db, clusterId: string, limit?: number): Promise<MessageRecord[]> {
  return db.getAllFromIndex('messages', 'byCluster', clusterId, limit);
}

export async function forgetSenderMessages(db: Db, site: string, sender: string): Promise<number> {
  const records = await messagesOfSender(db, site, sender);
  await deleteMessages(db, records);
  return records.length;
}

/** Calls `onChunk` with every message whose seq is above `afterSeq`, in arrival order, a chunk at a time. */
export async function forEachMessageAfter(
  db: Db,
  afterSeq: number,
  onChunk: (records: MessageRecord[]) => void,
  chunkSize = 5000,
): Promise<number> {
  let last = afterSeq;
  for (;;) {
    const chunk = await db.getAll('messages', IDBKeyRange.lowerBound(last, true), chunkSize);
    if (chunk.length === 0) return last;
    onChunk(chunk);
    last = chunk[chunk.length - 1]?.seq ?? last;
  }
}

export async function lastSeq(db: Db): Promise<number> {
  const cursor = await db.transaction('messages').store.openKeyCursor(null, 'prev');
  return cursor?.key ?? 0;
}

export function countMessages(db: Db): Promise<number> {
  return db.count('messages');
}
