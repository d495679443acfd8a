/**
 * The pipeline's intake: nodes the observer reported, resolved to the message items they are in or contain, and
 * items waiting to be read. Each step is cheap and the caller stops it when its time slice is spent.
 */
import type { SiteAdapter } from './adapters/define-adapter';
import { findItems, itemsAfter, planFor } from './extract';
import { unreadAttribute } from './styles';

export class Intake {
  private readonly nodes = new Set<Node>();
  /** Elements whose children changed: only the message they are in (if any) is read again. */
  private readonly changed = new Set<Node>();
  /**
   * Messages read without a sender. Some take it from beside them (LinkedIn messaging: the group's header, which
   * may render after the message): a change outside any message reads them again.
   */
  private readonly unreadable = new Set<Element>();
  readonly items = new Set<Element>();
  /** While the document is still parsing, mutations only ask for a scan of unmarked items. */
  private scanPending = false;
  private readonly itemSelector: string;
  private readonly unmarkedSelector: string;
  /** While parsing: the last item queued, so the next scan reads only what the parser added after it. */
  private lastQueued: Element | undefined;
  /** Items known to hold no nested item (seen in document order with their next item outside them). */
  private flat = new WeakSet<Element>();

  constructor(
    private readonly adapter: SiteAdapter,
    private readonly doc: Document,
  ) {
    this.itemSelector = planFor(adapter).item;
    this.unmarkedSelector = `:is(${this.itemSelector}):not([data-uncanned-id])`;
  }

  get hasWork(): boolean {
    return this.nodes.size > 0 || this.changed.size > 0 || this.items.size > 0 || this.scanPending;
  }

  /**
   * `nodes` may hold messages anywhere inside; `changed` only matter inside one; `edited` are messages observe.ts
   * already resolved (an identity attribute or a text changed in them), read again as they are.
   */
  enqueue(nodes: Iterable<Node>, changed: Iterable<Node> = [], edited: Iterable<Element> = []): void {
    // The parser inserts every element as its own mutation (100,000 on a 5,000-comment page): while loading,
    // one scan per tick for items not marked yet is far cheaper than resolving each node.
    if (this.doc.readyState === 'loading') this.scanPending = true;
    else {
      for (const node of nodes) this.nodes.add(node);
      for (const node of changed) this.changed.add(node);
      for (const item of edited) this.items.add(item);
    }
  }

  /**
   * Queues every item not processed yet; while parsing, only those after the last scan's, and not the last one
   * (it may be incomplete). The parsing-time scans see every item in document order, which tells which hold none.
   */
  scanUnmarked(): void {
    this.scanPending = false;
    if (this.doc.readyState !== 'loading') {
      this.lastQueued = undefined;
      for (const item of this.doc.querySelectorAll(this.unmarkedSelector)) this.items.add(item);
      return;
    }
    const after = this.lastQueued?.isConnected ? this.lastQueued : undefined;
    // Only a complete run of items tells which hold none: everything after the last one queued, or the whole
    // document before anything was queued (after that, processed items are left out of a full scan).
    const isComplete = after !== undefined || this.lastQueued === undefined;
    const items = after
      ? itemsAfter(this.adapter, after)
      : this.lastQueued === undefined
        ? findItems(this.adapter, this.doc)
        : [...this.doc.querySelectorAll(this.unmarkedSelector)];
    if (isComplete)
      items.forEach((item, index) => {
        const next = items[index + 1];
        if (next && !item.contains(next)) this.flat.add(item);
      });
    items.pop();
    for (const item of items) this.items.add(item);
    this.lastQueued = items.at(-1) ?? this.lastQueued;
  }

  /**
   * Queues items never read nor found unreadable: one the observer could not see become an item (a class set after
   * insertion) would otherwise wait unpainted for good under page-style.ts's wait rule. Returns how many.
   */
  sweepUnread(): number {
    const missed = this.doc.querySelectorAll(`${this.unmarkedSelector}:not([${unreadAttribute}])`);
    for (const item of missed) this.items.add(item);
    return missed.length;
  }

  /** Resolves queued nodes to items until `spent()` says the slice is over. */
  resolve(spent: () => boolean): void {
    if (this.scanPending) this.scanUnmarked();
    let isOutside = false;
    for (const node of this.changed) {
      this.changed.delete(node);
      const owner = node.nodeType === 1 ? (node as Element).closest(this.itemSelector) : null;
      if (owner) this.items.add(owner);
      else isOutside = true;
      if (spent()) break;
    }
    if (isOutside)
      for (const item of this.unreadable) {
        if (item.isConnected) this.items.add(item);
        else this.unreadable.delete(item);
      }
    if (spent()) return;
    for (const node of this.nodes) {
      this.nodes.delete(node);
      this.resolveNode(node);
      if (spent()) return;
    }
  }

  private resolveNode(node: Node): void {
    if (node.nodeType !== 1 && node.nodeType !== 9) return;
    const element = node as Element;
    const owner = element.closest?.(this.itemSelector);
    if (owner) this.items.add(owner);
    // A node without child elements cannot contain an item (parsers insert elements empty, then children).
    if (node.nodeType === 9 || element.childElementCount > 0) {
      for (const item of findItems(this.adapter, element)) this.items.add(item);
    }
  }

  /** The pipeline read `item`: with a sender (`isReadable`) or not (see `unreadable`). True if it was unreadable. */
  noteRead(item: Element, isReadable: boolean): boolean {
    const wasUnreadable = this.unreadable.size > 0 && this.unreadable.has(item);
    if (!isReadable) this.unreadable.add(item);
    else if (wasUnreadable) this.unreadable.delete(item);
    return wasUnreadable;
  }

  /** True once for an item known to hold no nested item; the hint is dropped as it is used (or skipped). */
  takeFlatHint(item: Element): boolean {
    return this.flat.delete(item);
  }

  clear(): void {
    this.nodes.clear();
    this.changed.clear();
    this.unreadable.clear();
    this.items.clear();
    this.lastQueued = undefined;
    this.flat = new WeakSet();
  }
}
