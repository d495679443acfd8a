/**
 * Which elements show which message. State is keyed by message id, never by element: virtualized lists re-create
 * or re-use elements, and may briefly show one message twice. `data-uncanned-id` on the element is the truth.
 */
export class ShownElements {
  private readonly byId = new Map<string, Element[]>();

  static shows(element: Element, id: string): boolean {
    return element.isConnected && element.getAttribute('data-uncanned-id') === id;
  }

  /** Records that `element` now shows `id` (call after setting its data-uncanned-id). */
  add(id: string, element: Element): void {
    const others = this.byId.get(id)?.filter((other) => other !== element && ShownElements.shows(other, id)) ?? [];
    others.push(element);
    this.byId.set(id, others);
  }

  /** Elements still showing `id`; forgets the id when none is left. */
  of(id: string): Element[] {
    const all = this.byId.get(id);
    if (!all) return [];
    const current = all.filter((element) => ShownElements.shows(element, id));
    if (current.length === 0) this.byId.delete(id);
    else if (current.length !== all.length) this.byId.set(id, current);
    return current;
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }

  forget(id: string): void {
    this.byId.delete(id);
  }

  clear(): void {
    this.byId.clear();
  }
}
