/**
 * The message history: columns (the stored truth) plus the derived lookups (ids, sender chains, exact-hash and
 * LSH indexes, cluster counters), which `rebuild` recreates in one pass after a restore or a compaction.
 */
import { ClusterTable } from './cluster-table';
import { allocateColumns, type Columns, Flag, MAX_MATCHES, moveMessage, resizeColumns } from './columns';
import { ExactIndex } from './exact-index';
import { LshIndex } from './lsh-index';
import { SenderTable } from './sender-table';

/** Messages, their per-message columns and every index over them. */
export class History {
  columns: Columns;
  count = 0;
  ids: string[] = [];
  keys: string[] = [];
  senders = new SenderTable();
  clusters = new ClusterTable();
  exact: ExactIndex;
  lsh: LshIndex;
  /** Previous (older) live message of the same sender, or -1. */
  senderPrevious: Int32Array;
  /** Scratch marks for deduplicating LSH candidates. */
  seen: Int32Array;
  private byId = new Map<string, Map<string, number>>();

  /** `minWords`: messages with fewer words stay out of the LSH index (they are never flagged on near copies). */
  constructor(
    private readonly minWords: number,
    capacity = 1024,
  ) {
    this.columns = allocateColumns(capacity);
    this.exact = new ExactIndex(capacity);
    this.lsh = new LshIndex(capacity);
    this.senderPrevious = new Int32Array(capacity);
    this.seen = new Int32Array(capacity);
  }

  get capacity(): number {
    return this.columns.flags.length;
  }

  /** Message number of (site, id), or -1. */
  find(site: string, id: string): number {
    return this.byId.get(site)?.get(id) ?? -1;
  }

  /** Makes room for one more message and returns its number; the caller fills the columns, then calls `add`. */
  reserve(): number {
    if (this.count === this.capacity) this.resize(Math.ceil(this.capacity * 1.5));
    const index = this.count;
    this.columns.flags[index] = 0;
    this.columns.matches.fill(-1, index * MAX_MATCHES, (index + 1) * MAX_MATCHES);
    return index;
  }

  /** Registers the reserved message `index` in every lookup. */
  add(index: number, id: string, key: string): void {
    this.ids[index] = id;
    this.keys[index] = key;
    this.count = index + 1;
    this.indexMessage(index);
  }

  /** Allocates exactly `capacity` slots (used by restore to avoid growth slack). */
  resize(capacity: number): void {
    this.columns = resizeColumns(this.columns, this.count, capacity);
    const previous = this.senderPrevious;
    this.senderPrevious = new Int32Array(capacity);
    this.senderPrevious.set(previous.subarray(0, Math.min(previous.length, capacity)));
    this.seen = new Int32Array(capacity);
  }

  /** Drops messages flagged dead, renumbers the rest in order, and rebuilds every lookup. Returns how many went. */
  compact(): number {
    const { columns } = this;
    const renumber = new Int32Array(this.count).fill(-1);
    let kept = 0;
    for (let i = 0; i < this.count; i++) {
      if ((columns.flags[i] ?? 0) & Flag.dead) continue;
      renumber[i] = kept;
      if (kept !== i) moveMessage(columns, i, kept);
      this.ids[kept] = this.ids[i] ?? '';
      this.keys[kept] = this.keys[i] ?? '';
      kept++;
    }
    const removed = this.count - kept;
    for (let m = 0; m < kept * MAX_MATCHES; m++) {
      const old = columns.matches[m] ?? -1;
      columns.matches[m] = old >= 0 ? (renumber[old] ?? -1) : -1;
    }
    this.count = kept;
    this.ids.length = kept;
    this.keys.length = kept;
    this.rebuild();
    return removed;
  }

  /** Recreates every derived lookup from the columns. */
  rebuild(): void {
    const capacity = this.capacity;
    this.byId = new Map();
    this.senders.heads = this.senders.heads.map(() => -1);
    this.exact = new ExactIndex(capacity);
    this.lsh = new LshIndex(capacity);
    this.clusters.clear();
    const leaders = new Map<number, number>();
    const { cluster, sender } = this.columns;
    for (let i = 0; i < this.count; i++) {
      this.indexMessage(i);
      const c = cluster[i] ?? 0;
      const s = sender[i] ?? 0;
      const leader = leaders.get(c);
      if (leader === undefined) leaders.set(c, s);
      else this.clusters.join(c, s, leader);
    }
  }

  private indexMessage(index: number): void {
    const { columns } = this;
    const sender = columns.sender[index] ?? 0;
    const site = this.senders.sites[sender] ?? '';
    let ids = this.byId.get(site);
    if (ids === undefined) {
      ids = new Map();
      this.byId.set(site, ids);
    }
    ids.set(this.ids[index] ?? '', index);
    this.senderPrevious[index] = this.senders.heads[sender] ?? -1;
    this.senders.heads[sender] = index;
    const older = this.exact.insert(columns.hashLow, columns.hashHigh, index);
    const isIndexed = (columns.flags[index] ?? 0) & Flag.hasSignature && (columns.words[index] ?? 0) >= this.minWords;
    if (older < 0 && isIndexed) this.lsh.insert(columns.sigs, index);
  }
}
