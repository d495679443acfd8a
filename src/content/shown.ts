/**
 * Which elements show which message. State is keyed by message id, never by element: virtualized lists re-create
 * or re-use elements, and may briefly show one message twice. The id each element shows is written here only, as
 * `data-uncanned-id` (the hook for tests and scans) and in a WeakMap that the hot paths read instead of the DOM.
 */
export class ShownElements {
  private readonly byId = new Map<string, Element[]>();
  private idOf = new WeakMap<Element, string>();

  /** The message id we last recorded for `element` (undefined: never read, or cleared). */
  idShownBy(element: Element): string | undefined {
    return this.idOf.get(element);
  }

  private shows(element: Element, id: string): boolean {
    return this.idOf.get(element) === id && element.isConnected;
  }

  /**
   * Records that `element` shows `id` and writes its data-uncanned-id. Called on every read: the id may have been
   * forgotten meanwhile (evicted from the page's memory) while the element still shows it.
   */
  add(id: string, element: Element): void {
    const known = this.byId.get(id);
    if (known?.includes(element) && this.idOf.get(element) === id) return; // already recorded
    if (this.idOf.get(element) !== id) {
      element.setAttribute('data-uncanned-id', id);
      this.idOf.set(element, id);
    }
    if (!known) {
      this.byId.set(id, [element]); // the common case: a message shown once
      return;
    }
    const others = known.filter((other) => other !== element && this.shows(other, id));
    others.push(element);
    this.byId.set(id, others);
  }

  /** Elements still showing `id`; forgets the id when none is left. */
  of(id: string): readonly Element[] {
    const all = this.byId.get(id);
    if (!all) return [];
    if (all.length === 1 && this.shows(all[0] as Element, id)) return all; // no copy in the common case
    const current = all.filter((element) => this.shows(element, id));
    if (current.length === 0) this.byId.delete(id);
    else if (current.length !== all.length) this.byId.set(id, current);
    return current;
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }

  /** `element` no longer shows a message we know (re-used for one we cannot read). */
  release(element: Element): void {
    this.idOf.delete(element);
  }

  forget(id: string): void {
    this.byId.delete(id);
  }

  clear(): void {
    this.byId.clear();
    this.idOf = new WeakMap();
  }
}
