/** Message history: batched writes (one transaction per batch; aggregates follow) and the reads built on it. */

import { addPending, flushAggregates, withAggregates } from './aggregate-queue';
import { applyToAggregates, type HistoryTx } from './aggregates';
import { writeAggregates } from './aggregates-version';
import type { Db } from './db';
import { appendEngineOpIn, type EngineOp } from './derived';
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

/** Messages of a batch after `ingestMessages`: every candidate's record, and those newly stored. */
export interface Ingested {
  /** In input order: the stored record for known messages, the judged one for new messages. */
  records: MessageRecord[];
  added: MessageRecord[];
}

/**
 * One transaction per batch, on the messages only: looks the candidates up by (site, id), lets `judge`
 * (synchronous: the engine) fill in verdicts for the new ones only, and stores them; the aggregates are folded
 * in later (`aggregate-queue.ts`). A duplicate within the batch or a message stored earlier (a re-render, a reload,
 * another tab) is never stored or judged twice. `mayBeStored` can rule candidates out without a lookup (the
 * engine knows every stored message); a wrong "no" fails the batch on the unique index, it never duplicates.
 */
export async function ingestMessages(
  db: Db,
  candidates: readonly MessageRecord[],
  judge: (fresh: MessageRecord[]) => MessageRecord[],
  mayBeStored: (record: MessageRecord) => boolean = () => true,
): Promise<Ingested> {
  const tx = db.transaction('messages', 'readwrite');
  const { records, added } = await inTransaction(tx, async () => {
    const bySiteId = tx.store.index('bySiteId');
    const keys = candidates.map(messageKey);
    const stored = await allRequests(candidates, (record) =>
      mayBeStored(record) ? bySiteId.get([record.site, record.id]) : Promise.resolve(undefined),
    );
    const known = new Map<string, MessageRecord>();
    const fresh: MessageRecord[] = [];
    candidates.forEach((candidate, index) => {
      const key = keys[index] ?? '';
      const record = stored[index];
      if (record) known.set(key, record);
      else if (!known.has(key)) {
        known.set(key, candidate);
        fresh.push(candidate);
      }
    });
    const judged = judge(fresh);
    const seqs = await allRequests(judged, ({ seq: _unused, ...record }) => tx.store.add(record));
    const added = judged.map((record, index) => ({ ...record, seq: seqs[index] }));
    for (const record of added) known.set(messageKey(record), record);
    return { records: keys.map((key) => known.get(key) as MessageRecord), added };
  });
  addPending(db, added);
  return { records, added };
}

/** Adds messages as they are (verdicts included), skipping any (site, id) already stored; aggregates included. */
export async function addMessages(db: Db, records: readonly MessageRecord[]): Promise<MessageRecord[]> {
  const { added } = await ingestMessages(db, records, (fresh) => fresh);
  await flushAggregates(db);
  return added;
}

/**
 * Deletes messages (with their aggregates, once everything before them is folded in) in one transaction, with the
 * engine journal's entry for the removal when given (a worker stopped between the two would leave them disagreeing).
 */
export function deleteMessages(db: Db, records: readonly MessageRecord[], journal?: EngineOp): Promise<void> {
  return withAggregates(db, (foldedSeq) => deleteFolded(db, records, foldedSeq, journal));
}

async function deleteFolded(
  db: Db,
  records: readonly MessageRecord[],
  foldedSeq: number,
  journal: EngineOp | undefined,
): Promise<void> {
  const tx = writeAggregates(db, [...historyStores, 'meta']);
  await inTransaction(tx, async () => {
    if (journal) await appendEngineOpIn(tx.objectStore('meta'), journal);
    const messages = tx.objectStore('messages');
    const present = await allRequests(records, (record) =>
      record.seq === undefined ? Promise.resolve(undefined) : messages.getKey(record.seq),
    );
    // Only what is still stored counts down the aggregates (a concurrent forget may have deleted some).
    const stored = records.filter((_record, index) => present[index] !== undefined);
    await allRequests(stored, (record) => messages.delete(record.seq as number));
    await applyToAggregates(tx as HistoryTx, stored, -1, foldedSeq);
  });
}

export function messagesOfSender(db: Db, site: string, sender: string): Promise<MessageRecord[]> {
  return db.getAllFromIndex('messages', 'bySender', [site, sender]);
}

/** How many of a sender's messages a popup row reads, at most: a bot's thousands stay unread. */
const SENDER_READ_LIMIT = 200;

/**
 * Up to `limit` of each sender's messages in one cluster, read in one transaction (a popup page of 50 rows is
 * one transaction). No index per sender and cluster is kept for this (it would cost every stored message a
 * write): a sender's oldest SENDER_READ_LIMIT messages are read at once, and only for a sender with more than
 * that, its newest ones too (a cursor, stopped at the same limit). Copies further in shows the sample text only.
 */
export function copiesInClusters(
  db: Db,
  rows: readonly { site: string; sender: string; clusterId: string }[],
  limit: number,
): Promise<MessageRecord[][]> {
  const index = db.transaction('messages').store.index('bySender');
  return Promise.all(
    rows.map(async ({ site, sender, clusterId }) => {
      const oldest = await index.getAll([site, sender], SENDER_READ_LIMIT);
      const copies = oldest.filter((message) => message.clusterId === clusterId);
      if (oldest.length < SENDER_READ_LIMIT || copies.length >= limit) return copies.slice(0, limit);
      const recent: MessageRecord[] = [];
      let cursor = await index.openCursor([site, sender], 'prev');
      for (let read = 0; cursor && read < SENDER_READ_LIMIT && recent.length < limit; read++) {
        if (cursor.value.clusterId === clusterId) recent.push(cursor.value);
        cursor = await cursor.continue();
      }
      const bySeq = new Map([...copies, ...recent].map((message) => [message.seq, message]));
      return [...bySeq.values()].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0)).slice(-limit);
    }),
  );
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
