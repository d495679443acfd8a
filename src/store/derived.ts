/**
 * Derived data kept beside the history (the aggregates have their own queue and format, `aggregate-queue.ts`):
 * a full engine rebuild may renumber clusters, which is written back here, and a log of engine-changing
 * operations lets a restore redo what a lost snapshot missed.
 */
import type { FeedbackTarget } from '../core/api';
import type { Db } from './db';
import { getMeta } from './meta';
import { inTransaction } from './transaction';

export const JOURNAL_KEY = 'engineJournal';

/** Operations that remove something from the engine; a snapshot saved before them would bring it back. */
export type EngineOp =
  | { op: 'forget'; site: string; sender: string }
  | { op: 'forgetMessages'; site: string; ids: string[] }
  | { op: 'unfeedback'; target: FeedbackTarget }
  | { op: 'prune'; before: number };

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

/**
 * Appends to the journal in one transaction. Prunes only ever move forward and the latest covers the earlier
 * ones, so a retention run in many small steps leaves one entry (a restore compacts the engine once).
 */
export async function appendEngineOp(db: Db, op: EngineOp): Promise<void> {
  const tx = db.transaction('meta', 'readwrite');
  await inTransaction(tx, () => appendEngineOpIn(tx.store, op));
}

/** The `meta` store of some read-write transaction. */
interface MetaStore {
  get(key: string): Promise<{ value: unknown } | undefined>;
  put(record: { key: string; value: unknown }): Promise<unknown>;
}

/** Appends to the journal inside the caller's transaction (with the change it records, so both or neither land). */
export async function appendEngineOpIn(meta: MetaStore, op: EngineOp): Promise<void> {
  const journal = ((await meta.get(JOURNAL_KEY))?.value as EngineOp[] | undefined) ?? [];
  const kept = op.op === 'prune' ? journal.filter((entry) => entry.op !== 'prune') : journal;
  const prunedBefore = journal.reduce((max, entry) => (entry.op === 'prune' ? Math.max(max, entry.before) : max), 0);
  const next = op.op === 'prune' ? { op: 'prune' as const, before: Math.max(op.before, prunedBefore) } : op;
  await meta.put({ key: JOURNAL_KEY, value: [...kept, next] });
}

export async function readEngineJournal(db: Db): Promise<EngineOp[]> {
  return (await getMeta<EngineOp[]>(db, JOURNAL_KEY)) ?? [];
}
