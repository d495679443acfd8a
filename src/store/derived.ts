/**
 * Derived data kept beside the history: the aggregates carry AGGREGATES_FORMAT in `meta` and are rebuilt from
 * the messages when it differs (never migrated); a full engine rebuild may renumber clusters, which is written
 * back here. A log of engine-changing operations lets a restore redo what a lost snapshot missed.
 */
import type { FeedbackTarget } from '../core/api';
import { applyToAggregates } from './aggregates';
import type { Db } from './db';
import { forEachMessageAfter } from './messages';
import { getMeta, setMeta } from './meta';
import type { MessageRecord } from './schema';
import { inTransaction } from './transaction';

export const AGGREGATES_FORMAT = 1;
const FORMAT_KEY = 'aggregatesFormat';
const JOURNAL_KEY = 'engineJournal';

/** Operations that remove something from the engine; a snapshot saved before them would bring it back. */
export type EngineOp =
  | { op: 'forget'; site: string; sender: string }
  | { op: 'unfeedback'; target: FeedbackTarget }
  | { op: 'prune'; before: number };

export async function hasCurrentAggregates(db: Db): Promise<boolean> {
  return (await getMeta<number>(db, FORMAT_KEY)) === AGGREGATES_FORMAT;
}

/** Recomputes senders, senderClusters and clusters from all messages, chunk by chunk. */
export async function rebuildAggregates(db: Db): Promise<void> {
  const stores = ['senders', 'senderClusters', 'clusters'] as const;
  const clear = db.transaction(stores, 'readwrite');
  await Promise.all([...stores.map((name) => clear.objectStore(name).clear()), clear.done]);
  const chunks: MessageRecord[][] = [];
  await forEachMessageAfter(db, 0, (chunk) => chunks.push(chunk));
  for (const chunk of chunks) {
    const tx = db.transaction(['messages', ...stores], 'readwrite');
    await inTransaction(tx, () => applyToAggregates(tx, chunk, 1));
  }
  await setMeta(db, FORMAT_KEY, AGGREGATES_FORMAT);
}

/** Writes new cluster ids (by seq) into the stored messages. */
export async function rewriteClusterIds(db: Db, clusterBySeq: ReadonlyMap<number, string>): Promise<void> {
  const tx = db.transaction('messages', 'readwrite');
  await inTransaction(tx, async () => {
    for (const [seq, clusterId] of clusterBySeq) {
      const record = await tx.store.get(seq);
      if (record) await tx.store.put({ ...record, clusterId });
    }
  });
}

export async function appendEngineOp(db: Db, op: EngineOp): Promise<void> {
  const journal = (await getMeta<EngineOp[]>(db, JOURNAL_KEY)) ?? [];
  await setMeta(db, JOURNAL_KEY, [...journal, op]);
}

export async function readEngineJournal(db: Db): Promise<EngineOp[]> {
  return (await getMeta<EngineOp[]>(db, JOURNAL_KEY)) ?? [];
}

export async function clearEngineJournal(db: Db): Promise<void> {
  await setMeta(db, JOURNAL_KEY, []);
}
