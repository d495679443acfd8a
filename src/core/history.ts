/**
 * The message history: columns (the stored truth) plus the derived lookups (ids, sender chains, exact-hash and
 * LSH indexes, cluster counters). `rebuild` recreates them in one pass after a compaction; a snapshot carries
 * the typed-array lookups so that a restore only copies them (`saveDerived` / `loadDerived`).
 */
import { ClusterTable } from './cluster-table';
import { allocateColumns, type Columns, Flag, MAX_MATCHES, moveMessages, resizeColumns } from './columns';
import { ExactIndex } from './exact-index';
import { KeyIndex, keyHash } from './key-index';
import { LshIndex, type LshState } from './lsh-index';
import { SenderTable, senderKey } from './sender-table';

/** Typed-array lookups as saved in a snapshot. */
export interface DerivedState {
  readonly minWords: number;
  readonly lsh: LshState;
  readonly exact: { slots: Int32Array; previous: Int32Array };
  readonly senderPrevious: Int32Array;
  readonly senderHeads: Int32Array;
  readonly senderSlots: Int32Array;
  readonly idSlots: Int32Array;
}

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
  private byId: KeyIndex;

  /** `minWords`: messages with fewer words stay out of the LSH index (they are never flagged on near copies). */
  constructor(
    readonly minWords: number,
    capacity = 1024,
  ) {
    this.columns = allocateColumns(capacity);
    this.exact = new ExactIndex(capacity);
    this.lsh = new LshIndex(capacity);
    this.senderPrevious = new Int32Array(capacity);
    this.byId = new KeyIndex(capacity);
  }

  get capacity(): number {
    return this.columns.flags.length;
  }

  /** Bytes of every typed array (columns and lookups). */
  get byteLength(): number {
    const lookups = this.exact.byteLength + this.lsh.byteLength + this.senderPrevious.byteLength + this.byId.byteLength;
    return lookups + Object.values(this.columns).reduce((sum, column) => sum + column.byteLength, 0);
  }

  /** Message number of (site, id), or -1. */
  find(site: string, id: string): number {
    return this.byId.find(keyHash(senderKey(site, id)), (i) => this.ids[i] === id && this.siteOf(i) === site);
  }

  private siteOf(index: number): string {
    return this.senders.sites[this.columns.sender[index] ?? 0] ?? '';
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

  private resize(capacity: number): void {
    this.columns = resizeColumns(this.columns, this.count, capacity);
    const previous = this.senderPrevious;
    this.senderPrevious = new Int32Array(capacity);
    this.senderPrevious.set(previous.subarray(0, Math.min(previous.length, capacity)));
  }

  /** Drops messages flagged dead, renumbers the rest in order, and rebuilds every lookup. Returns how many went. */
  compact(): number {
    const { columns } = this;
    const renumber = new Int32Array(this.count).fill(-1);
    let kept = 0;
    // Live messages move in runs, one copy per column and run: a prune leaves one long run, not 100k moves.
    let runStart = -1;
    for (let i = 0; i <= this.count; i++) {
      const isLive = i < this.count && !((columns.flags[i] ?? 0) & Flag.dead);
      if (isLive && runStart < 0) runStart = i;
      if (isLive || runStart < 0) continue;
      const to = kept;
      for (let j = runStart; j < i; j++) {
        renumber[j] = kept;
        this.ids[kept] = this.ids[j] ?? '';
        this.keys[kept] = this.keys[j] ?? '';
        kept++;
      }
      if (to !== runStart) moveMessages(columns, runStart, to, i - runStart);
      runStart = -1;
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
    this.byId = new KeyIndex(capacity);
    this.senders.heads = this.senders.heads.map(() => -1);
    this.exact = new ExactIndex(capacity);
    this.lsh = new LshIndex(capacity);
    for (let i = 0; i < this.count; i++) this.indexMessage(i);
    this.recount();
  }

  /** Copies of the typed-array lookups, for a snapshot. */
  saveDerived(): DerivedState {
    return {
      minWords: this.minWords,
      lsh: this.lsh.save(this.count),
      exact: this.exact.save(this.count),
      senderPrevious: this.senderPrevious.slice(0, this.count),
      senderHeads: Int32Array.from(this.senders.heads),
      senderSlots: this.senders.saveIndex(),
      idSlots: this.byId.save(),
    };
  }

  /** Takes saved lookups (validated by the caller) instead of rebuilding them; cluster counters are recounted. */
  loadDerived(state: DerivedState): void {
    this.lsh = LshIndex.load(state.lsh, this.capacity);
    this.exact = ExactIndex.load(state.exact, this.capacity, this.count);
    this.senderPrevious = new Int32Array(this.capacity);
    this.senderPrevious.set(state.senderPrevious);
    this.senders.heads = Array.from(state.senderHeads);
    this.byId = new KeyIndex(this.capacity, state.idSlots.slice(), this.count);
    this.recount();
  }

  /** Recreates the cluster counters; first members are tracked in a flat array while cluster numbers are dense. */
  private recount(): void {
    this.clusters.clear();
    const { cluster, sender } = this.columns;
    let highest = 0;
    for (let i = 0; i < this.count; i++) highest = Math.max(highest, cluster[i] ?? 0);
    const isDense = highest < this.count * 4 + 1024;
    const leaderArray = isDense ? new Int32Array(highest + 1).fill(-1) : undefined;
    const leaderMap = new Map<number, number>();
    for (let i = 0; i < this.count; i++) {
      const c = cluster[i] ?? 0;
      const s = sender[i] ?? 0;
      const leader = leaderArray ? (leaderArray[c] ?? -1) : (leaderMap.get(c) ?? -1);
      if (leader >= 0) this.clusters.join(c, s, leader);
      else if (leaderArray) leaderArray[c] = s;
      else leaderMap.set(c, s);
    }
  }

  private indexMessage(index: number): void {
    const { columns } = this;
    const sender = columns.sender[index] ?? 0;
    const idHash = (i: number): number => keyHash(senderKey(this.siteOf(i), this.ids[i] ?? ''));
    this.byId.insert(idHash(index), index, idHash);
    this.senderPrevious[index] = this.senders.heads[sender] ?? -1;
    this.senders.heads[sender] = index;
    const older = this.exact.insert(columns.hashLow, columns.hashHigh, index);
    const isIndexed = (columns.flags[index] ?? 0) & Flag.hasSignature && (columns.words[index] ?? 0) >= this.minWords;
    if (older < 0 && isIndexed) this.lsh.insert(columns.sigs, index);
  }
}
