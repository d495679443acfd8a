/**
 * Saved engine state: the per-message columns as typed arrays plus flat string arrays, all structured-clonable,
 * so a worker can put it in IndexedDB as one value. Restoring copies the columns and rebuilds the lookups in one
 * pass; nothing is normalized or hashed again. Derived data is never migrated: a snapshot with another
 * `formatVersion` is rejected and the caller rebuilds the engine from its stored messages.
 */
import type { EngineSnapshot } from './api';
import { allocateColumns, COLUMN_NAMES, type Columns, columnWidth } from './columns';
import { Feedback } from './feedback';
import { History } from './history';

/** Bump on any change to the snapshot layout, the normalization or the fingerprints. */
export const FORMAT_VERSION = 1;

/** Layout of a version-1 snapshot. */
export interface EngineSnapshotV1 extends EngineSnapshot {
  readonly formatVersion: typeof FORMAT_VERSION;
  readonly count: number;
  readonly nextCluster: number;
  readonly columns: Readonly<Record<string, ArrayBufferView>>;
  readonly ids: readonly string[];
  readonly keys: readonly string[];
  readonly senderSites: readonly string[];
  readonly senderNames: readonly string[];
  readonly feedbackSenders: readonly string[];
  readonly feedbackClusters: readonly string[];
}

/** Copies the engine state into a snapshot (the engine can keep running afterwards). */
export function writeSnapshot(history: History, nextCluster: number, feedback: Feedback): EngineSnapshotV1 {
  const columns: Record<string, ArrayBufferView> = {};
  for (const name of COLUMN_NAMES) {
    columns[name] = history.columns[name].slice(0, history.count * columnWidth(name));
  }
  return {
    formatVersion: FORMAT_VERSION,
    count: history.count,
    nextCluster,
    columns,
    ids: history.ids.slice(0, history.count),
    keys: history.keys.slice(0, history.count),
    senderSites: [...history.senders.sites],
    senderNames: [...history.senders.names],
    feedbackSenders: [...feedback.senders],
    feedbackClusters: [...feedback.clusters],
  };
}

/** Restored state. */
export interface RestoredState {
  readonly history: History;
  readonly nextCluster: number;
  readonly feedback: Feedback;
}

/** Rebuilds the engine state from a snapshot; throws a descriptive error on another version or a damaged one. */
export function readSnapshot(snapshot: EngineSnapshot, minWords: number): RestoredState {
  if (snapshot.formatVersion !== FORMAT_VERSION) {
    throw new Error(
      `Engine snapshot formatVersion ${String(snapshot.formatVersion)} is not supported (expected ${FORMAT_VERSION}); rebuild the engine from the stored messages`,
    );
  }
  const data = snapshot as EngineSnapshotV1;
  const count = data.count;
  const isValid =
    Number.isInteger(count) &&
    count >= 0 &&
    Number.isInteger(data.nextCluster) &&
    [data.ids, data.keys, data.senderSites, data.senderNames, data.feedbackSenders, data.feedbackClusters].every(
      Array.isArray,
    ) &&
    data.ids.length === count &&
    data.keys.length === count &&
    data.senderSites.length === data.senderNames.length;
  if (!isValid)
    throw new Error('Engine snapshot is damaged (bad counts or arrays); rebuild the engine from the stored messages');
  const history = new History(minWords, Math.max(16, count));
  history.columns = restoreColumns(data, count, Math.max(16, count));
  history.count = count;
  history.ids = data.ids.slice();
  history.keys = data.keys.slice();
  for (const [i, site] of data.senderSites.entries()) history.senders.intern(site, data.senderNames[i] ?? '');
  history.rebuild();
  const feedback = new Feedback();
  for (const key of data.feedbackSenders) feedback.senders.add(key);
  for (const id of data.feedbackClusters) feedback.clusters.add(id);
  return { history, nextCluster: data.nextCluster, feedback };
}

function restoreColumns(data: EngineSnapshotV1, count: number, capacity: number): Columns {
  const columns = allocateColumns(capacity);
  for (const name of COLUMN_NAMES) {
    const source = data.columns?.[name];
    const target = columns[name];
    const width = columnWidth(name);
    if (!(source instanceof target.constructor) || (source as Uint8Array).length !== count * width) {
      throw new Error(`Engine snapshot column "${name}" is missing or has the wrong type or length`);
    }
    (target as Uint8Array).set(source as Uint8Array);
  }
  return columns;
}
