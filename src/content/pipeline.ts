/**
 * observe → extract → batch → classify → mark. All work waits in queues (nodes, items, ids to re-mark) drained in
 * time-boxed ticks, so no task of ours runs long; the observer only enqueues (observe.ts). State is keyed by
 * message id (shown.ts): an element re-used for another message is cleared and judged again.
 */
import type { ItemVerdict, PageState } from '../shared/views';
import type { ItemData, SiteAdapter } from './adapters/define-adapter';
import type { ControlActions } from './chip';
import { ClassifyQueue } from './classify-queue';
import { ClusterMemory } from './clusters';
import { decide } from './decide';
import { extractItem, planFor } from './extract';
import { Intake } from './intake';
import { applyMarks, clearMarks } from './marks';
import { ShownElements } from './shown';
import { removeOrphanStubs } from './stub';
import { unreadAttribute } from './styles';
import { Verdicts } from './verdicts';
import { ViewerClicks } from './viewer-clicks';

export interface PipelineDeps {
  classify(items: ItemData[]): Promise<ItemVerdict[]>;
  actions: ControlActions;
  /** Counts or hiding changed, or a request finished (status report, next tick). */
  onChange(): void;
  /** Milliseconds, for the recent-reads window (tests pass their own clock). */
  now?: () => number;
}

/**
 * A single-page app may change its address before or after it renders the new page. Elements still showing what
 * they showed before the address changed are the old page's (not counted for the new one), unless they started
 * showing it in the last second and a half: the new page rendered first. Those still showing it `carriedMs` later
 * belong to the new page too (a photo viewer or a dialog with its own address, a `replaceState`): counted then.
 */
const recentMs = 1_500;
const carriedMs = 3_000;

export class Pipeline {
  private readonly intake: Intake;
  /** Message ids whose elements need their marks re-applied (new verdict, new settings). */
  private readonly remarks = new Set<string>();
  private readonly revealed = new Set<string>();
  readonly itemSelector: string;
  private readonly shown = new ShownElements();
  private readonly clusters = new ClusterMemory();
  private readonly verdicts: Verdicts;
  private readonly queue: ClassifyQueue;
  /** Elements that still show the previous page's message after a navigation: not counted for this page. */
  private carried = new WeakSet<Element>();
  /** When the elements in `carried` are counted if they still show the same message (undefined: none wait). */
  private carriedUntil: number | undefined;
  /** When each element began showing its message (weak: removed elements are not kept for it). */
  private readAt = new WeakMap<Element, number>();
  private readonly now: () => number;
  private readonly clicks: ViewerClicks;
  /** The current tick's start (one clock read per tick, not per message). */
  private tickStart = 0;
  /** Some message of this page was read with text: a page of messages all without it means the text hook broke. */
  private hasReadText = false;
  /** A verdict was written onto the page (until then, page-style.ts may hold messages unpainted). */
  hasMarkedVerdict = false;

  constructor(
    private readonly adapter: SiteAdapter,
    private readonly doc: Document,
    private state: PageState,
    private readonly deps: PipelineDeps,
  ) {
    this.now = deps.now ?? (() => performance.now());
    this.clicks = new ViewerClicks(doc.defaultView, this.now);
    this.itemSelector = planFor(adapter).item;
    this.intake = new Intake(adapter, doc);
    this.verdicts = new Verdicts(
      (id) => {
        this.shown.forget(id);
        this.revealed.delete(id); // "Show" lasts while the message is on the page (kept for good, the set grew)
      },
      (id) => this.shown.of(id).length > 0,
    );
    this.queue = new ClassifyQueue({
      classify: deps.classify,
      onVerdicts: (batch, verdicts) => {
        for (const id of this.verdicts.receive(batch, verdicts, this.clusters)) this.remarks.add(id);
      },
      onSettled: deps.onChange,
    });
  }

  get counts(): { read: number; canned: number } {
    return this.verdicts.counts;
  }

  /**
   * The site's markup changed under the adapter: messages show (its canary) but none is read, or several were
   * read and none had text. A page without messages yet is not that.
   */
  get isLayoutChanged(): boolean {
    const { read } = this.verdicts.counts;
    if (read > 0) return read >= 3 && !this.hasReadText;
    return this.adapter.canary !== undefined && this.doc.querySelector(this.adapter.canary) !== null;
  }

  enqueue(nodes: Iterable<Node>, changed?: Iterable<Node>, edited?: Iterable<Element>): void {
    this.intake.enqueue(nodes, changed, edited);
  }

  /** Queues every item not processed yet (parsing done: includes the last item earlier scans left out). */
  scanUnmarked(): void {
    this.intake.scanUnmarked();
  }

  /** See Intake.sweepUnread; true when it found some (a tick is due). */
  sweepUnread(): boolean {
    return this.intake.sweepUnread() > 0;
  }

  /** Every message read so far has its verdict on the page. */
  get isSettled(): boolean {
    return !this.intake.hasWork && this.remarks.size === 0 && this.queue.isIdle;
  }

  get hasWork(): boolean {
    return this.intake.hasWork || this.remarks.size > 0 || this.queue.hasWork || this.carriedUntil !== undefined;
  }

  /** Drains the queues until `budgetMs` is spent (the rest waits for the next tick), then sends a batch. */
  flush(budgetMs: number): void {
    const start = performance.now();
    const spent = () => performance.now() - start > budgetMs;
    const before = this.verdicts.changes;
    this.tickStart = this.now();
    if (this.carriedUntil !== undefined && this.tickStart >= this.carriedUntil) this.countCarried();
    // Nodes first: an element re-used for another message is then known to wait for its re-read (remark skips it).
    // With verdicts or a mute waiting, they get at least half of the slice however busy the page is (a live chat).
    this.intake.resolve(this.remarks.size > 0 ? () => performance.now() - start > budgetMs / 2 : spent);
    for (const id of spent() ? [] : this.remarks) {
      this.remarks.delete(id);
      this.remark(id);
      if (spent()) break;
    }
    for (const item of spent() ? [] : this.intake.items) {
      this.intake.items.delete(item);
      const isFlat = this.intake.takeFlatHint(item); // used once: a framework may later render replies into it
      if (item.isConnected) this.process(item, isFlat);
      if (spent()) break;
    }
    if (this.remarks.size === 0) removeOrphanStubs();
    this.queue.send();
    if (this.verdicts.changes !== before) this.deps.onChange();
  }

  private process(item: Element, isFlat: boolean): void {
    const data = extractItem(this.adapter, item, isFlat || undefined);
    const wasUnreadable = this.intake.noteRead(item, data !== undefined);
    const previous = this.shown.idShownBy(item);
    if (!data) {
      // Re-used for a message we cannot read (no sender): nothing of the old message may stay on it (a stub!).
      if (previous !== undefined) {
        clearMarks(item, this.itemSelector);
        this.shown.release(item);
      }
      item.setAttribute(unreadAttribute, ''); // nothing will judge it: it must not wait unpainted (styles.ts)
      return;
    }
    if (wasUnreadable) item.removeAttribute(unreadAttribute);
    const isFresh = previous === undefined;
    if (previous !== data.id) {
      // A re-used element now shows another message: what we wrote for the old one goes.
      if (!isFresh) clearMarks(item, this.itemSelector);
      this.carried.delete(item);
      this.readAt.set(item, this.tickStart);
    }
    this.shown.add(data.id, item);
    if (data.text) this.hasReadText = true;
    const isCounted = !this.carried.has(item);
    const isViewChange = this.clicks.clickedIn(item, this.tickStart); // false at once without a recent click
    const entry = this.verdicts.read(data, (toSend) => this.queue.add(toSend), isCounted, isViewChange);
    this.mark(item, entry.data, entry.verdict, isFresh);
  }

  private mark(item: Element, data: ItemData, verdict: ItemVerdict | undefined, isFresh = false): void {
    const effective = this.clusters.effective(data, verdict);
    const decision = decide(this.state, data, effective, { revealed: this.revealed });
    if (decision.judged) this.hasMarkedVerdict = true;
    if (decision.judged === 'canned' && !this.carried.has(item)) this.verdicts.countCanned(data.id);
    else if (decision.judged === 'clean') this.verdicts.uncountCanned(data.id);
    // An element we never marked carries nothing of ours: until its verdict (or a mute) there is nothing to write.
    if (isFresh && !decision.judged && !decision.hidden && !decision.revealed) return;
    applyMarks(item, data, effective, decision, {
      adapter: this.adapter,
      actions: this.deps.actions,
      onShow: (id) => this.reveal(id),
    });
  }

  private remark(id: string): void {
    const entry = this.verdicts.get(id);
    if (!entry) return;
    for (const element of this.shown.of(id)) {
      // Changed since it was read (maybe re-used for another message): its re-read marks it, not the old verdict.
      if (!this.intake.items.has(element)) this.mark(element, entry.data, entry.verdict);
    }
  }

  setState(state: PageState): void {
    this.state = state;
    for (const id of this.shown.ids()) this.remarks.add(id);
    this.deps.onChange();
  }

  reveal(id: string): void {
    this.revealed.add(id);
    this.remark(id);
    removeOrphanStubs();
    this.deps.onChange();
  }

  /** Elements of the previous page still showing the same message: the new page's after all, read and counted. */
  private countCarried(): void {
    this.carriedUntil = undefined;
    for (const id of this.shown.ids())
      for (const element of this.shown.of(id))
        if (this.carried.has(element)) {
          this.carried.delete(element);
          this.intake.items.add(element);
        }
  }

  /** A new page in a single-page app: counts start over, everything on screen is read again. */
  restart(): void {
    const now = this.now();
    this.carried = new WeakSet();
    this.carriedUntil = now + carriedMs;
    for (const id of this.shown.ids())
      for (const element of this.shown.of(id))
        if ((this.readAt.get(element) ?? 0) < now - recentMs) this.carried.add(element);
    this.verdicts.newPage();
    this.hasReadText = false;
    this.enqueue([this.doc]);
  }

  /** Paused or torn down: the page goes back to how the site rendered it, and its counts start over. */
  clearAll(): void {
    this.queue.clear();
    this.verdicts.dropUnjudged();
    this.verdicts.newPage();
    this.hasReadText = false;
    for (const item of this.doc.querySelectorAll('[data-uncanned-id]')) clearMarks(item, this.itemSelector);
    for (const item of this.doc.querySelectorAll(`[${unreadAttribute}]`)) item.removeAttribute(unreadAttribute);
    removeOrphanStubs();
    this.intake.clear();
    this.remarks.clear();
    this.shown.clear();
    this.revealed.clear();
    this.carried = new WeakSet();
    this.carriedUntil = undefined;
    this.readAt = new WeakMap();
  }
}
