/**
 * Saved engine state: the per-message columns as typed arrays plus strings packed into one joined string each
 * (`packed-strings.ts`), all structured-clonable, so a worker can put it in IndexedDB as one value and read it
 * back quickly. Restoring copies the columns and rebuilds the lookups in one
 * pass; nothing is normalized or hashed again. Derived data is never migrated: a snapshot with another
 * `formatVersion` is rejected and the caller rebuilds the engine from its stored messages.
 */
import type { EngineSnapshot } from './api';
import { allocateColumns, COLUMN_NAMES, type Columns, columnWidth } from './columns';
import { Feedback } from './feedback';
import { type DerivedState, History } from './history';
import { isKeyTable } from './key-index';
import { BANDS } from './lsh-index';
import { isPacked, type PackedStrings, packStrings, unpackStrings } from './packed-strings';
import { SenderTable } from './sender-table';

/** Bump on any change to the snapshot layout, the normalization or the fingerprints. */
export const FORMAT_VERSION = 3;

/** Layout of a version-3 snapshot (version 1 kept ids, keys and senders as arrays of strings; 2 had no textHash). */
export interface EngineSnapshotV2 extends EngineSnapshot {
  readonly formatVersion: typeof FORMAT_VERSION;
  readonly count: number;
  readonly nextCluster: number;
  readonly columns: Readonly<Record<string, ArrayBufferView>>;
  readonly ids: PackedStrings;
  readonly keys: PackedStrings;
  readonly senderSites: PackedStrings;
  readonly senderNames: PackedStrings;
  readonly feedbackSenders: readonly string[];
  readonly feedbackClusters: readonly string[];
  /** Saved lookups; optional, rebuilt from the columns when absent, damaged or built with another `minWords`. */
  readonly derived?: DerivedState;
}

/** Copies the engine state into a snapshot (the engine can keep running afterwards). */
export function writeSnapshot(history: History, nextCluster: number, feedback: Feedback): EngineSnapshotV2 {
  const columns: Record<string, ArrayBufferView> = {};
  for (const name of COLUMN_NAMES) {
    columns[name] = history.columns[name].slice(0, history.count * columnWidth(name));
  }
  return {
    formatVersion: FORMAT_VERSION,
    count: history.count,
    nextCluster,
    columns,
    ids: packStrings(history.ids, history.count),
    keys: packStrings(history.keys, history.count),
    senderSites: packStrings(history.senders.sites),
    senderNames: packStrings(history.senders.names),
    feedbackSenders: [...feedback.senders],
    feedbackClusters: [...feedback.clusters],
    derived: history.saveDerived(),
  };
}

/** Restored state. */
export interface RestoredState {
  readonly history: History;
  readonly nextCluster: number;
  readonly feedback: Feedback;
}

const isStrings = (value: unknown): value is string[] => Array.isArray(value);

/** Rebuilds the engine state from a snapshot; throws a descriptive error on another version or a damaged one. */
export function readSnapshot(snapshot: EngineSnapshot, minWords: number): RestoredState {
  if (snapshot.formatVersion !== FORMAT_VERSION) {
    throw new Error(
      `Engine snapshot formatVersion ${String(snapshot.formatVersion)} is not supported (expected ${FORMAT_VERSION}); rebuild the engine from the stored messages`,
    );
  }
  const data = snapshot as EngineSnapshotV2;
  const { count } = data;
  const senders = data.senderSites?.ends?.length ?? -1;
  const isValid =
    Number.isInteger(count) &&
    count >= 0 &&
    Number.isInteger(data.nextCluster) &&
    isPacked(data.ids, count) &&
    isPacked(data.keys, count) &&
    isPacked(data.senderSites, senders) &&
    isPacked(data.senderNames, senders) &&
    [data.feedbackSenders, data.feedbackClusters].every(isStrings);
  if (!isValid)
    throw new Error('Engine snapshot is damaged (bad counts or arrays); rebuild the engine from the stored messages');
  const capacity = Math.max(16, count);
  // Built small: its empty columns and indexes are replaced right away.
  const history = new History(minWords, 16);
  history.columns = restoreColumns(data, count, capacity);
  history.count = count;
  history.ids = unpackStrings(data.ids);
  history.keys = unpackStrings(data.keys);
  restoreLookups(history, data, minWords, unpackStrings(data.senderSites), unpackStrings(data.senderNames));
  const feedback = new Feedback();
  for (const key of data.feedbackSenders) feedback.senders.add(key);
  for (const id of data.feedbackClusters) feedback.clusters.add(id);
  return { history, nextCluster: data.nextCluster, feedback };
}

/** Takes the saved lookups when they fit, else re-interns the senders and rebuilds everything from the columns. */
function restoreLookups(
  history: History,
  data: EngineSnapshotV2,
  minWords: number,
  sites: string[],
  names: string[],
): void {
  const derived = data.derived;
  const senders = sites.length;
  if (derived !== undefined && derived.minWords === minWords && fitsDerived(derived, data.count, senders)) {
    history.senders = new SenderTable(derived.senderSlots.slice(), senders);
    history.senders.load(sites, names, derived.senderHeads);
    history.loadDerived(derived);
    return;
  }
  sites.forEach((site, i) => {
    history.senders.intern(site, names[i] ?? '');
  });
  history.rebuild();
}

function fitsDerived(derived: DerivedState, count: number, senders: number): boolean {
  const tables = [derived.senderSlots, derived.idSlots, derived.exact?.slots, derived.lsh?.heads];
  const isTable = (table: unknown): boolean => isKeyTable(table);
  return (
    tables.every(isTable) &&
    derived.idSlots.length >= count * 2 &&
    derived.senderSlots.length >= senders * 2 &&
    derived.senderPrevious instanceof Int32Array &&
    derived.senderPrevious.length === count &&
    derived.exact.previous instanceof Int32Array &&
    derived.exact.previous.length === count &&
    derived.senderHeads instanceof Int32Array &&
    derived.senderHeads.length === senders &&
    derived.lsh.next instanceof Int32Array &&
    derived.lsh.next.length === count * BANDS
  );
}

function restoreColumns(data: EngineSnapshotV2, count: number, capacity: number): Columns {
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
