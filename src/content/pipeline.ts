/**
 * observe → extract → batch → classify → mark. State is keyed by message id, never by element: virtualized lists
 * re-create or re-use elements, so each element carries data-uncanned-id and is re-read when it changes.
 */
import type { ItemVerdict, PageState } from '../shared/views';
import { type ItemData, joinSelector, type SiteAdapter } from './adapters/define-adapter';
import type { ControlActions } from './chip';
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
  /** Canned verdicts by cluster, so earlier copies on the page are flagged once a later copy is judged canned. */
  private readonly cannedClusters = new Map<string, ItemVerdict>();

  constructor(
    private readonly adapter: SiteAdapter,
    private readonly doc: Document,
    private state: PageState,
    private readonly deps: PipelineDeps,
  ) {
    this.itemSelector = joinSelector(adapter.item);
  }

  enqueue(nodes: Iterable<Node>): void {
    for (const node of nodes) this.nodes.add(node);
  }

  get hasWork(): boolean {
    return this.nodes.size > 0 || this.items.size > 0 || (this.toClassify.size > 0 && !this.inFlight);
  }

  /** Resolves queued nodes to items and processes them until `budgetMs` is spent; the rest waits a tick. */
  flush(budgetMs: number): void {
    const start = performance.now();
    for (const node of this.nodes) {
      this.nodes.delete(node);
      if (node.nodeType !== 1 && node.nodeType !== 9) continue;
      const element = node as Element;
      const owner = element.closest?.(this.itemSelector);
      if (owner) this.items.add(owner);
      for (const item of findItems(this.adapter, element)) this.items.add(item);
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
    if (this.entries.size > maxRecords) this.entries.delete(this.entries.keys().next().value as string);
    this.mark(item, entry);
  }

  private clusterKeys(data: ItemData, verdict: ItemVerdict): string[] {
    return [`template\n${verdict.clusterId}`, `repeat\n${data.sender}\n${verdict.clusterId}`];
  }

  /** Returns true when the cluster is new or its counts grew (copies on the page need re-marking). */
  private rememberCluster(data: ItemData, verdict: ItemVerdict): boolean {
    if (!verdict.clusterId) return false;
    const [template = '', repeat = ''] = this.clusterKeys(data, verdict);
    const key = verdict.reason === 'template' ? template : repeat;
    const known = this.cannedClusters.get(key);
    const merged = {
      ...verdict,
      senderCount: Math.max(verdict.senderCount, known?.senderCount ?? 0),
      templateSenders: Math.max(verdict.templateSenders, known?.templateSenders ?? 0),
    };
    this.cannedClusters.set(key, merged);
    if (this.cannedClusters.size > maxRecords)
      this.cannedClusters.delete(this.cannedClusters.keys().next().value as string);
    return !known || known.senderCount !== merged.senderCount || known.templateSenders !== merged.templateSenders;
  }

  /**
   * The engine judges each copy as it arrives, so the first copies on a page come back clean or with lower
   * counts; every copy of the same text (same cluster; for repeats also the same sender) shows the best verdict.
   */
  private effectiveVerdict(entry: Entry): ItemVerdict | undefined {
    const verdict = entry.verdict;
    if (!verdict?.clusterId) return verdict;
    for (const key of this.clusterKeys(entry.data, verdict)) {
      const canned = this.cannedClusters.get(key);
      if (canned && (!verdict.canned || verdict.reason === canned.reason)) return { ...canned, id: verdict.id };
    }
    return verdict;
  }

  private mark(item: Element, entry: Entry): void {
    const verdict = this.effectiveVerdict(entry);
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
          let newCluster = false;
          for (const verdict of verdicts) {
            const entry = this.entries.get(verdict.id);
            if (entry) entry.verdict = verdict;
            if (entry && verdict.canned) newCluster = this.rememberCluster(entry.data, verdict) || newCluster;
          }
          this.remarkAll(newCluster ? undefined : new Set(verdicts.map((verdict) => verdict.id)));
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

  /** Re-applies decisions to every marked element (or only those with the given ids). */
  remarkAll(ids?: ReadonlySet<string>): void {
    for (const item of this.doc.querySelectorAll('[data-uncanned-id]')) {
      const id = item.getAttribute('data-uncanned-id') ?? '';
      const entry = this.entries.get(id);
      if (entry && (!ids || ids.has(id))) this.mark(item, entry);
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
    for (const item of this.doc.querySelectorAll('[data-uncanned-id]')) {
      if (item.getAttribute('data-uncanned-id') === id) item.setAttribute('data-uncanned-revealed', '');
    }
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
