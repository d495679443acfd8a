/**
 * What the page knows per message id: its sender, its latest verdict and whether it was counted on this page.
 * At most `maxRecords` ids are kept (least recently seen dropped, and re-asked if their message scrolls back), and
 * the text is not kept once it is queued for classification, so memory stays flat on endless pages.
 */
import type { ItemVerdict } from '../shared/views';
import type { ItemData } from './adapters/define-adapter';
import type { ClusterMemory } from './clusters';

const maxRecords = 3000;
const evictionBatch = 300;

export interface Entry {
  data: ItemData;
  verdict?: ItemVerdict;
  /** The page (SPA navigation count) it was last counted in, for read/canned counts per page. */
  readIn?: number;
  cannedIn?: number;
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
  private generation = 0;

  constructor(private readonly onEvict: (id: string) => void) {}

  get(id: string): Entry | undefined {
    return this.entries.get(id);
  }

  /** Records a message seen on the page; a new one with text goes to `classify`. */
  read(data: ItemData, classify: (data: ItemData) => void): Entry {
    const kept = slim(data);
    let entry = this.entries.get(data.id);
    if (entry) {
      this.entries.delete(data.id); // refresh its place in the LRU order
      entry.data = kept;
    } else {
      entry = { data: kept };
      if (data.text.trim()) classify(data);
      else entry.verdict = cleanVerdict(data.id); // nothing to compare (image-only posts)
    }
    if (entry.readIn !== this.generation) {
      entry.readIn = this.generation;
      this.counts.read++;
      this.changes++;
    }
    this.store(data.id, entry);
    return entry;
  }

  private store(id: string, entry: Entry): void {
    this.entries.set(id, entry);
    if (this.entries.size <= maxRecords) return;
    // Drop a tenth at once: finding the oldest walks past the Map's deleted slots, so one at a time is quadratic.
    for (const [oldest, dropped] of this.entries) {
      if (this.entries.size <= maxRecords - evictionBatch) break;
      this.entries.delete(oldest);
      // A message still waiting for its verdict keeps its elements: the verdict brings the entry back (receive).
      if (dropped.verdict) this.onEvict(oldest);
    }
  }

  /** The entry for a verdict, re-created from the batch when the page moved on past `maxRecords` meanwhile. */
  private entryFor(data: ItemData | undefined, id: string): Entry | undefined {
    const entry = this.entries.get(id);
    if (entry || !data) return entry;
    const restored: Entry = { data: slim(data), readIn: this.generation };
    this.store(id, restored);
    return restored;
  }

  countCanned(id: string): void {
    const entry = this.entries.get(id);
    if (!entry || entry.cannedIn === this.generation) return;
    entry.cannedIn = this.generation;
    this.counts.canned++;
    this.changes++;
  }

  /** Stores a batch's verdicts (clean ones on failure); returns the ids whose elements need re-marking. */
  receive(batch: ItemData[], verdicts: ItemVerdict[] | undefined, clusters: ClusterMemory): Set<string> {
    const ids = new Set<string>();
    if (!verdicts) {
      for (const data of batch) {
        const entry = this.entryFor(data, data.id);
        if (entry && !entry.verdict) entry.verdict = cleanVerdict(data.id);
        ids.add(data.id);
      }
      return ids;
    }
    const grown = new Set<string>();
    const sent = new Map(batch.map((data) => [data.id, data]));
    for (const verdict of verdicts) {
      ids.add(verdict.id);
      const entry = this.entryFor(sent.get(verdict.id), verdict.id);
      if (!entry) continue;
      entry.verdict = verdict;
      if (clusters.remember(entry.data, verdict)) grown.add(verdict.clusterId);
    }
    // Earlier copies of a cluster that just turned canned (or grew) need their chip too.
    if (grown.size > 0)
      for (const [id, entry] of this.entries) if (grown.has(entry.verdict?.clusterId ?? '')) ids.add(id);
    return ids;
  }

  /** A new page in a single-page app: counts start over. */
  newPage(): void {
    this.generation++;
    this.counts.read = 0;
    this.counts.canned = 0;
    this.changes++;
  }
}
