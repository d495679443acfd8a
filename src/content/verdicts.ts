/**
 * What the page knows per message id: its sender, its latest verdict and whether it was counted on this page.
 * About `maxRecords` ids are kept: the least recently seen whose message has left the page are dropped (and
 * re-asked, not counted again, if it scrolls back); those still on the page stay, so a mute or "Not canned" still
 * reaches them. The text is not kept once it is queued for classification, so memory stays flat on endless and
 * virtualized pages.
 */
import type { ItemVerdict } from '../shared/views';
import type { ItemData } from './adapters/define-adapter';
import type { ClusterMemory } from './clusters';
import { CountedIds } from './counted-ids';

const maxRecords = 3000;
const evictionBatch = 300;
/** Times one message is asked again for a changed text on a page: a text that keeps changing is not re-judged forever. */
const maxEdits = 3;

/** FNV-1a of the text: enough to notice that a message's text changed without keeping the text. */
function textHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash & 0x3fffffff; // 30 bits: a small integer V8 keeps unboxed (no heap number per message)
}

/** A cut text's end: "…" or "...", with the spaces around it. */
const trailingCut = /\s*(?:…|\.\.\.)\s*$/;

/** Only a text ending in "." or "…" (or a space) can end in a cut: the regex runs on those alone. */
const mayEndCut = (text: string) => /[.…\s]/.test(text.charAt(text.length - 1));

/** `text` begins with what was sent for `entry` (cut there) and goes on: "See more" brought the rest. */
const isRestOf = (entry: Entry, text: string): boolean =>
  entry.stemLength !== undefined &&
  text.length > entry.stemLength &&
  textHash(text.slice(0, entry.stemLength)) === entry.stemHash;

export interface Entry {
  data: ItemData;
  verdict?: ItemVerdict;
  /** The page (SPA navigation count) it was last counted in, for read/canned counts per page. */
  readIn?: number;
  cannedIn?: number;
  /**
   * The page it was counted canned in before its entry was dropped (per the filter, which may be wrong about an id
   * it never held): judged canned again, it is not counted again. Until then nothing is counted either way.
   */
  cannedBefore?: number;
  /** Read without text (a shell whose text renders later): classified once a read brings text. */
  isTextless?: boolean;
  /** Sent to be classified, no answer yet (a textless shell keeps its stand-in verdict meanwhile). */
  isAsked?: boolean;
  /** Hash of the text last sent; another text under the same id (an edit, "See more") is sent again. */
  textHash?: number;
  /** Length and hash of that text without a trailing "…": a longer text starting with it is the rest of it. */
  stemLength?: number;
  stemHash?: number;
  /** Hashes of other views of it the viewer asked for (a translation): read again, they are not sent either. */
  views?: number[];
  /** How often it was sent again for a changed text. */
  edits?: number;
  /** Its own verdict, as the background gave it (`verdict` may be its cluster's best, see ClusterMemory). */
  own?: ItemVerdict;
}

export const cleanVerdict = (id: string): ItemVerdict => ({
  id,
  canned: false,
  reason: null,
  senderCount: 1,
  templateSenders: 1,
  clusterId: '',
  similarity: 0,
});

/** What is kept per message once its text is queued: enough for decisions and the chip's actions. */
function slim(data: ItemData): ItemData {
  const kept: ItemData = { id: data.id, sender: data.sender, text: '' };
  if (data.senderName !== undefined) kept.senderName = data.senderName;
  return kept;
}

export class Verdicts {
  readonly counts = { read: 0, canned: 0 };
  /** Bumped whenever a count changes. */
  changes = 0;
  private readonly entries = new Map<string, Entry>();
  /** Ids dropped from `entries` after they were counted on this page (keys `read:` and `canned:` + id). */
  private readonly counted = new CountedIds();
  /** Ids taken off the canned count on this page ("Not canned"): the filter above cannot forget their key. */
  private readonly uncounted = new Set<string>();
  private generation = 0;
  /** Size that triggers the next eviction pass (above `maxRecords` while many ids are still on the page). */
  private limit = maxRecords;

  constructor(
    private readonly onEvict: (id: string) => void,
    private readonly isShown: (id: string) => boolean = () => false,
  ) {}

  get(id: string): Entry | undefined {
    return this.entries.get(id);
  }

  /**
   * Records a message seen on the page; a new one with text goes to `classify`. `isCounted` false: still the
   * previous page's element (see Pipeline.restart), not counted for this page. `isViewChange`: the viewer just
   * clicked a control of this message (viewer-clicks.ts).
   */
  read(data: ItemData, classify: (data: ItemData) => void, isCounted = true, isViewChange = false): Entry {
    const kept = slim(data);
    let entry = this.entries.get(data.id);
    const hasText = data.text.trim() !== '';
    if (entry) {
      this.entries.delete(data.id); // refresh its place in the LRU order
      entry.data = kept;
      if (entry.isTextless && hasText) {
        entry.isTextless = undefined;
        this.ask(entry, data, classify);
      } else if (hasText && (entry.edits ?? 0) < maxEdits) {
        const hash = textHash(data.text);
        // The background judges it again if the text really changed (its old text leaves the history); the old
        // verdict shows until the answer. Not another view the viewer asked for (a translation, the original
        // again), now or when read again later: the text it was judged by stays, unless the view brought the
        // rest of that text ("See more").
        if (hash !== entry.textHash && !entry.views?.includes(hash)) {
          if (isViewChange && !isRestOf(entry, data.text)) entry.views = [...(entry.views ?? []).slice(-3), hash];
          else {
            entry.edits = (entry.edits ?? 0) + 1;
            this.ask(entry, data, classify);
          }
        }
      }
    } else {
      entry = { data: kept };
      this.recall(data.id, entry);
      if (hasText) this.ask(entry, data, classify);
      else {
        entry.verdict = cleanVerdict(data.id); // nothing to compare (image-only posts) until text renders
        entry.isTextless = true;
      }
    }
    if (isCounted && entry.readIn !== this.generation) {
      entry.readIn = this.generation;
      this.counts.read++;
      this.changes++;
    }
    this.store(data.id, entry);
    return entry;
  }

  private ask(entry: Entry, data: ItemData, classify: (data: ItemData) => void): void {
    entry.isAsked = true;
    entry.textHash = textHash(data.text);
    if (entry.views) entry.views = undefined; // views of the text it was judged by before (no new field per message)
    const stem = mayEndCut(data.text) ? data.text.replace(trailingCut, '') : data.text;
    entry.stemLength = stem.length;
    entry.stemHash = stem.length === data.text.length ? entry.textHash : textHash(stem);
    classify(data);
  }

  private store(id: string, entry: Entry): void {
    this.entries.set(id, entry);
    if (this.entries.size <= this.limit) return;
    // Drop a tenth at once: finding the oldest walks past the Map's deleted slots, so one at a time is quadratic.
    for (const [oldest, dropped] of this.entries) {
      if (this.entries.size <= maxRecords - evictionBatch) break;
      // The entry being stored may be reached when the rest is on the page; its caller still holds it.
      if (oldest === id) continue;
      if (dropped.verdict && this.isShown(oldest)) continue; // on the page: a mute or "Not canned" must reach it
      this.entries.delete(oldest);
      if (dropped.readIn === this.generation) this.counted.add(`read:${oldest}`);
      if (dropped.cannedIn === this.generation) this.counted.add(`canned:${oldest}`);
      // A message still waiting for its verdict keeps its elements: the verdict brings the entry back (receive).
      if (dropped.verdict) this.onEvict(oldest);
    }
    // A page holding thousands of messages keeps them all; the next pass waits until it grew by half again.
    this.limit = Math.max(maxRecords, Math.ceil(this.entries.size * 1.5));
  }

  /** The entry for a verdict, re-created from the batch when the page moved on past `maxRecords` meanwhile. */
  private entryFor(data: ItemData | undefined, id: string): Entry | undefined {
    const entry = this.entries.get(id);
    if (entry || !data) return entry;
    // Counted as read only if it was counted on this page before it was dropped (not after a navigation).
    const restored: Entry = { data: slim(data) };
    this.recall(id, restored);
    this.store(id, restored);
    return restored;
  }

  /** An id dropped earlier on this page comes back: what it was counted as stays counted, once. */
  private recall(id: string, entry: Entry): void {
    if (this.counted.has(`read:${id}`)) entry.readIn = this.generation;
    if (!this.uncounted.has(id) && this.counted.has(`canned:${id}`)) entry.cannedBefore = this.generation;
  }

  countCanned(id: string): void {
    const entry = this.entries.get(id);
    if (!entry || entry.cannedIn === this.generation) return;
    entry.cannedIn = this.generation;
    this.uncounted.delete(id);
    if (entry.cannedBefore === this.generation) return; // already in the count, from before its entry was dropped
    this.counts.canned++;
    this.changes++;
  }

  /** "Not canned" or a cluster that turned clean: the page's canned count goes down again. */
  uncountCanned(id: string): void {
    const entry = this.entries.get(id);
    if (!entry || entry.cannedIn !== this.generation) return;
    entry.cannedIn = undefined;
    // Only a key the filter holds needs the exception (a "Not canned" per message would grow the set for good).
    if (this.counted.has(`canned:${id}`)) this.uncounted.add(id);
    this.counts.canned = Math.max(0, this.counts.canned - 1);
    this.changes++;
  }

  /** Messages still waiting for a verdict whose request was abandoned (paused): forgotten, so a later read asks. */
  dropUnjudged(): void {
    for (const [id, entry] of this.entries) if (!entry.verdict || entry.isAsked) this.entries.delete(id);
  }

  /** Stores a batch's verdicts (clean ones on failure); returns the ids whose elements need re-marking. */
  receive(batch: ItemData[], verdicts: ItemVerdict[] | undefined, clusters: ClusterMemory): Set<string> {
    const ids = new Set<string>();
    if (!verdicts) {
      for (const data of batch) {
        const entry = this.entryFor(data, data.id);
        if (entry) entry.isAsked = undefined;
        if (entry && !entry.verdict) entry.verdict = cleanVerdict(data.id);
        ids.add(data.id);
      }
      return ids;
    }
    const grown = new Set<string>();
    const left = new Set<string>();
    const sent = new Map(batch.map((data) => [data.id, data]));
    for (const verdict of verdicts) {
      ids.add(verdict.id);
      const entry = this.entryFor(sent.get(verdict.id), verdict.id);
      if (!entry) continue;
      // An edited message that left its cluster: the copies it leaves may be no repeat or template any more.
      const before = entry.own?.clusterId;
      if (before && before !== verdict.clusterId) left.add(before);
      entry.verdict = verdict;
      entry.own = verdict;
      entry.isAsked = undefined;
      if (clusters.remember(entry.data, verdict)) grown.add(verdict.clusterId);
    }
    if (left.size > 0) this.regroup(left, clusters, ids);
    // Earlier copies of a cluster that just turned canned (or grew) take its verdict, kept on their entry (so the
    // cluster may later leave the memory), and those on the page get their chip.
    if (grown.size > 0)
      for (const [id, entry] of this.entries) {
        if (!grown.has(entry.verdict?.clusterId ?? '')) continue;
        entry.verdict = clusters.effective(entry.data, entry.verdict);
        if (this.isShown(id)) ids.add(id);
      }
    return ids;
  }

  /** The clusters `left` lost a copy: each copy still here shows the best of what the others' own verdicts say. */
  private regroup(left: Set<string>, clusters: ClusterMemory, ids: Set<string>): void {
    const members = [...this.entries].filter(([, entry]) => left.has(entry.verdict?.clusterId ?? ''));
    for (const cluster of left) clusters.forget(cluster);
    for (const [, entry] of members) {
      entry.verdict = entry.own ?? entry.verdict;
      if (entry.verdict) clusters.remember(entry.data, entry.verdict);
    }
    for (const [id, entry] of members) {
      entry.verdict = clusters.effective(entry.data, entry.verdict);
      if (this.isShown(id)) ids.add(id);
    }
  }

  /** A new page in a single-page app: counts start over. */
  newPage(): void {
    this.generation++;
    this.counted.clear();
    this.uncounted.clear();
    this.counts.read = 0;
    this.counts.canned = 0;
    this.changes++;
  }
}
