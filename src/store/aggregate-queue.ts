/**
 * The aggregates (senders, senderClusters, clusters) follow the messages instead of being written with them: a
 * classify batch stores only its messages and answers; the new records are folded into the aggregates later
 * (the background does it at the next pause in the batches), in transactions of their own (docs/benchmarks-store.md: aggregates were half the cost of a batch).
 * `meta.aggregatesSeq` is the last folded message, written with the fold, so whatever a stopped worker left
 * unfolded is found again from the messages. Aggregate writes run one at a time in this queue, and every
 * reader of the aggregates goes through `withAggregates`, which folds what is pending first.
 */

import { foldAdded } from './aggregate-fold';
import { applyToAggregates, type HistoryTx } from './aggregates';
import { writeAggregates } from './aggregates-version';
import type { Db } from './db';
import { getMeta } from './meta';
import { historyStores, type MessageRecord } from './schema';
import { inTransaction } from './transaction';

/** Bump when the aggregates change meaning; they are then rebuilt from the messages (v2: folded after the batch). */
export const AGGREGATES_FORMAT = 2;
const FORMAT_KEY = 'aggregatesFormat';
const SEQ_KEY = 'aggregatesSeq';
// Large enough to group a sender's messages, small enough that one fold never holds the stores for long.
const FOLD_CHUNK = 1000;

interface Queue {
  tail: Promise<unknown>;
  /** Stored, not yet folded, in seq order. */
  pending: MessageRecord[];
  /** Highest folded seq; undefined until read from `meta` in this worker life. */
  foldedSeq: number | undefined;
}

const queues = new WeakMap<Db, Queue>();

function queueOf(db: Db): Queue {
  let queue = queues.get(db);
  if (!queue) {
    queue = { tail: Promise.resolve(), pending: [], foldedSeq: undefined };
    queues.set(db, queue);
  }
  return queue;
}

function enqueue<T>(db: Db, task: (queue: Queue) => Promise<T>): Promise<T> {
  const queue = queueOf(db);
  const run = () => task(queue);
  const result = queue.tail.then(run, run);
  queue.tail = result.catch(() => {});
  return result;
}

/** Runs `task` once every stored message is folded in; `foldedSeq` is the last one. */
export function withAggregates<T>(db: Db, task: (foldedSeq: number) => Promise<T>): Promise<T> {
  return enqueue(db, async (queue) => task(await foldPending(db, queue)));
}

export const flushAggregates = (db: Db): Promise<number> => withAggregates(db, async (seq) => seq);

/** Messages just stored (in seq order): folded in by the next flush (the caller decides when; see `flush`). */
export function addPending(db: Db, records: readonly MessageRecord[]): void {
  queueOf(db).pending.push(...records);
}

/** True when stored messages wait to be folded in (or the queue has not looked yet in this worker life). */
export function hasPending(db: Db): boolean {
  const queue = queueOf(db);
  return queue.pending.length > 0 || queue.foldedSeq === undefined;
}

async function foldPending(db: Db, queue: Queue): Promise<number> {
  if (queue.foldedSeq === undefined) await load(db, queue);
  while (queue.pending.length > 0) {
    const chunk = queue.pending.slice(0, FOLD_CHUNK);
    const last = chunk[chunk.length - 1]?.seq ?? 0;
    try {
      await foldAdded(db, chunk, last, SEQ_KEY);
    } catch (error) {
      queue.foldedSeq = undefined; // the next run reloads what is unfolded from the messages
      throw error;
    }
    queue.pending.splice(0, chunk.length);
    queue.foldedSeq = last;
  }
  return queue.foldedSeq ?? 0;
}

/** Starts a worker life: the stored messages after the watermark are pending, or everything is rebuilt. */
async function load(db: Db, queue: Queue): Promise<void> {
  const [format, seq] = await Promise.all([getMeta<number>(db, FORMAT_KEY), getMeta<number>(db, SEQ_KEY)]);
  if (format !== AGGREGATES_FORMAT || typeof seq !== 'number') return rebuild(db, queue);
  mergePending(queue, (await readChunksAfter(db, seq)).flat(), seq);
}

/** `stored` (read from the database) plus what was appended meanwhile, each seq once, above `foldedSeq`. */
function mergePending(queue: Queue, stored: readonly MessageRecord[], foldedSeq: number): void {
  const bySeq = new Map<number, MessageRecord>();
  for (const record of [...stored, ...queue.pending]) {
    const seq = record.seq ?? 0;
    if (seq > foldedSeq) bySeq.set(seq, record);
  }
  queue.pending = [...bySeq.values()].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  queue.foldedSeq = foldedSeq;
}

/** Recomputes senders, senderClusters and clusters from all messages, chunk by chunk. */
async function rebuild(db: Db, queue: Queue): Promise<void> {
  const stores = ['senders', 'senderClusters', 'clusters'] as const;
  const clear = writeAggregates(db, stores);
  await Promise.all([...stores.map((name) => clear.objectStore(name).clear()), clear.done]);
  const chunks = await readChunksAfter(db, 0);
  const last = chunks.at(-1)?.at(-1)?.seq ?? 0;
  for (const chunk of chunks) {
    const tx = writeAggregates(db, [...historyStores, 'meta']);
    await inTransaction(tx, () => applyToAggregates(tx as unknown as HistoryTx, chunk, 1, last));
  }
  const tx = db.transaction('meta', 'readwrite');
  await Promise.all([
    tx.store.put({ key: FORMAT_KEY, value: AGGREGATES_FORMAT }),
    tx.store.put({ key: SEQ_KEY, value: last }),
    tx.done,
  ]);
  mergePending(queue, [], last);
}

/** Stored messages after `seq`, in chunks (the same loop as `forEachMessageAfter`, which imports this module). */
async function readChunksAfter(db: Db, seq: number): Promise<MessageRecord[][]> {
  const chunks: MessageRecord[][] = [];
  for (let last = seq; ; ) {
    const chunk = await db.getAll('messages', IDBKeyRange.lowerBound(last, true), 5000);
    if (chunk.length === 0) return chunks;
    chunks.push(chunk);
    last = chunk[chunk.length - 1]?.seq ?? last;
  }
}

/** Rebuilds the aggregates from the messages (after cluster ids were rewritten). */
export function rebuildAggregates(db: Db): Promise<void> {
  return enqueue(db, (queue) => rebuild(db, queue));
}

/** Runs `clear` (which empties the history and `meta`) in the queue and forgets anything pending. */
export function clearAggregates(db: Db, clear: () => Promise<void>): Promise<void> {
  return enqueue(db, async (queue) => {
    await clear();
    queue.pending = [];
    queue.foldedSeq = undefined;
  });
}

/** Folds (or first loads, or rebuilds) the aggregates in the background; errors are logged. */
export function foldInBackground(db: Db): Promise<void> {
  return flushAggregates(db).then(() => undefined, logFoldError);
}

function logFoldError(error: unknown): void {
  // A closed connection (worker shutting down, tests restarting it): the next worker life folds from the watermark.
  if ((error as Error | undefined)?.name === 'InvalidStateError') return;
  console.error('[uncanned] folding aggregates failed:', error);
}
