/**
 * observe → extract → batch → classify → mark. State is keyed by message id, never by element: virtualized lists
 * re-create or re-use elements, so each element carries data-uncanned-id and is re-read when it changes.
 */
import type { ItemVerdict, PageState } from '../shared/views';
import { type ItemData, joinSelector, type SiteAdapter } from './adapters/define-adapter';
import type { ControlActions } from './chip';
import { ClusterMemory } from './clusters';
import { decide } from './decide';
import { extractItem, findItems } from './extract';
import { applyMarks, clearMarks } from './marks';
import { removeOrphanStubs } from './stub';

/** Verdicts kept per page; older ones are dropped (and re-asked if their message scrolls back). */
const maxRecords = 3000;
const maxBatch = 200;

interface Entry {
  data: ItemData;
  verdict?: ItemVerdict;
  /** The page (SPA navigation count) it was last counted in, for read/canned counts per page. */
  readIn?: number;
  cannedIn?: number;
}

export interface PipelineDeps {
  classify(items: ItemData[]): Promise<ItemVerdict[]>;
  actions: ControlActions;
  /** Counts or hiding changed (for the debounced status report). */
  onChange(): void;
}

export class Pipeline {
  readonly counts = { read: 0, canned: 0 };
  private readonly entries = new Map<string, Entry>();
  private readonly nodes = new Set<Node>();
  private readonly items = new Set<Element>();
  private readonly toClassify = new Map<string, ItemData>();
  private readonly revealed = new Set<string>();
  private readonly itemSelector: string;
  private inFlight = false;
  private generation = 0;
  private readonly clusters = new ClusterMemory();
  /** Elements showing each message (virtualized lists may show one message twice, briefly). */
  private readonly elements = new Map<string, Element[]>();
  /** While the document is still parsing, mutations only ask for a scan of unmarked items (see flush). */
  private scanPending = false;

  constructor(
    private readonly adapter: SiteAdapter,
    private readonly doc: Document,
    private state: PageState,
    private readonly deps: PipelineDeps,
  ) {
    this.itemSelector = joinSelector(adapter.item);
  }

  enqueue(nodes: Iterable<Node>): void {
    // The parser inserts every element as its own mutation (100,000 on a 5,000-comment page): while loading,
    // one scan per tick for items not marked yet is far cheaper than resolving each node.
    if (this.doc.readyState === 'loading') this.scanPending = true;
    else for (const node of nodes) this.nodes.add(node);
  }

  /** Queues every item not processed yet; while parsing, not the last one (it may be incomplete). */
  scanUnmarked(): void {
    this.scanPending = false;
    const items = findItems(this.adapter, this.doc).filter((item) => !item.hasAttribute('data-uncanned-id'));
    if (this.doc.readyState === 'loading') items.pop();
    for (const item of items) this.items.add(item);
  }

  get hasWork(): boolean {
    const pending = this.nodes.size > 0 || this.items.size > 0 || this.scanPending;
    return pending || (this.toClassify.size > 0 && !this.inFlight);
  }

  /** Resolves queued nodes to items and processes them until `budgetMs` is spent; the rest waits a tick. */
  flush(budgetMs: number): void {
    const start = performance.now();
    if (this.scanPending) this.scanUnmarked();
    for (const node of this.nodes) {
      this.nodes.delete(node);
      if (node.nodeType !== 1 && node.nodeType !== 9) continue;
      const element = node as Element;
      const owner = element.closest?.(this.itemSelector);
      if (owner) this.items.add(owner);
      // A node without child elements cannot contain an item (parsers insert elements empty, then children).
      if (node.nodeType === 9 || element.firstElementChild) {
        for (const item of findItems(this.adapter, element)) this.items.add(item);
      }
      if (performance.now() - start > budgetMs) return;
    }
    for (const item of this.items) {
      this.items.delete(item);
      if (item.isConnected) this.process(item);
      if (performance.now() - start > budgetMs) break;
    }
    this.sendBatch();
  }

  private process(item: Element): void {
    const data = extractItem(this.adapter, item);
    if (!data) return;
    if (item.getAttribute('data-uncanned-id') !== data.id) {
      clearMarks(item, this.itemSelector); // a re-used element now shows another message
      item.setAttribute('data-uncanned-id', data.id);
      const shown = (this.elements.get(data.id) ?? []).filter(
        (element) => element !== item && this.shows(element, data.id),
      );
      this.elements.set(data.id, [...shown, item]);
    }
    let entry = this.entries.get(data.id);
    if (entry) {
      this.entries.delete(data.id); // refresh its place in the LRU order
      entry.data = data;
    } else {
      entry = { data };
      if (data.text.trim()) this.toClassify.set(data.id, data);
      else entry.verdict = cleanVerdict(data.id); // nothing to compare (image-only posts)
    }
    if (entry.readIn !== this.generation) {
      entry.readIn = this.generation;
      this.counts.read++;
      this.deps.onChange();
    }
    this.entries.set(data.id, entry);
    if (this.entries.size > maxRecords) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
      this.elements.delete(oldest);
    }
    this.mark(item, entry);
  }

  private mark(item: Element, entry: Entry): void {
    const verdict = this.clusters.effective(entry.data, entry.verdict);
    const decision = decide(this.state, entry.data, verdict, { revealed: this.revealed });
    if (decision.judged === 'canned' && entry.cannedIn !== this.generation) {
      entry.cannedIn = this.generation;
      this.counts.canned++;
    }
    applyMarks(item, entry.data, verdict, decision, {
      adapter: this.adapter,
      actions: this.deps.actions,
      onShow: (id) => this.reveal(id),
    });
  }

  /** One classify request at a time, up to `maxBatch` items (peers.md §5.8). */
  private sendBatch(): void {
    if (this.inFlight || this.toClassify.size === 0) return;
    const batch = [...this.toClassify.values()].slice(0, maxBatch);
    for (const data of batch) this.toClassify.delete(data.id);
    this.inFlight = true;
    this.deps
      .classify(batch)
      .then(
        (verdicts) => {
          const ids = new Set(verdicts.map((verdict) => verdict.id));
          const grown = new Set<string>();
          for (const verdict of verdicts) {
            const entry = this.entries.get(verdict.id);
            if (entry) entry.verdict = verdict;
            if (entry && this.clusters.remember(entry.data, verdict)) grown.add(verdict.clusterId);
          }
          // Earlier copies of a cluster that just turned canned (or grew) need their chip too.
          for (const [id, entry] of this.entries) if (grown.has(entry.verdict?.clusterId ?? '')) ids.add(id);
          this.remarkAll(ids);
        },
        () => {
          // Background busy or restarting: mark these clean for now rather than retrying forever.
          for (const data of batch) {
            const entry = this.entries.get(data.id);
            if (entry && !entry.verdict) entry.verdict = cleanVerdict(data.id);
          }
          this.remarkAll(new Set(batch.map((data) => data.id)));
        },
      )
      .finally(() => {
        this.inFlight = false;
        this.deps.onChange();
      });
  }

  private shows(element: Element, id: string): boolean {
    return element.isConnected && element.getAttribute('data-uncanned-id') === id;
  }

  /** Re-applies decisions to every marked element (or only those showing the given ids). */
  remarkAll(ids?: ReadonlySet<string>): void {
    for (const id of ids ?? [...this.elements.keys()]) {
      const entry = this.entries.get(id);
      const shown = (this.elements.get(id) ?? []).filter((element) => this.shows(element, id));
      if (shown.length === 0) this.elements.delete(id);
      else if (entry) for (const element of shown) this.mark(element, entry);
    }
    removeOrphanStubs(this.doc);
    this.deps.onChange();
  }

  setState(state: PageState): void {
    this.state = state;
    this.remarkAll();
  }

  reveal(id: string): void {
    this.revealed.add(id);
    for (const item of this.elements.get(id) ?? [])
      if (this.shows(item, id)) item.setAttribute('data-uncanned-revealed', '');
    this.remarkAll(new Set([id]));
  }

  /** A new page in a single-page app: counts start over, everything on screen is read again. */
  restart(): void {
    this.generation++;
    this.counts.read = 0;
    this.counts.canned = 0;
    this.enqueue([this.doc]);
  }

  /** Paused or torn down: the page goes back to how the site rendered it. */
  clearAll(): void {
    for (const item of this.doc.querySelectorAll('[data-uncanned-id]')) clearMarks(item, this.itemSelector);
    this.nodes.clear();
    this.items.clear();
    this.elements.clear();
  }
}

const cleanVerdict = (id: string): ItemVerdict => ({
  id,
  canned: false,
  reason: null,
  senderCount: 1,
  templateSenders: 1,
  clusterId: '',
  similarity: 0,
});
