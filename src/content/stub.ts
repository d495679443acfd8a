/**
 * The one-line placeholder for a collapsed message ("Hidden: @x repeats themselves. Show"). It is a sibling placed
 * before the hidden element, shaped to fit its parent (a row in tables, an item in lists, the same `slot` in
 * shadow-DOM components such as shreddit-comment), so hiding stays a single attribute on the message itself.
 */
import { t } from './i18n';
import { createHost, isolate } from './isolate';
import { shadowCss } from './styles';

export const stubTag = 'uncanned-stub';
const stubAttribute = 'data-uncanned-stub-for';
/** Stubs we inserted, so finding orphans never scans the document. */
const stubs = new Set<Element>();
/** Each stub's label, its "Show" button and the message it stands for. */
const parts = new WeakMap<Element, { label: string; show: HTMLButtonElement; item: Element }>();
/**
 * Each collapsed message's stub, by element rather than by position: a site that inserts a node between them (React
 * or Ember putting "earlier replies" or a new post in front of it) must not cost the message its stub.
 */
const stubOf = new WeakMap<Element, Element>();

export const stubLabel = (stub: Element): string | undefined => parts.get(stub)?.label;

export function focusStub(stub: Element): void {
  parts.get(stub)?.show.focus();
}

/**
 * The message whose "Mute" was just pressed, so its stub takes the focus. Noted at the press: the pre-hide rule
 * hides the message (and the browser drops the focus to <body>) before the stub comes, a frame later.
 */
let focusReturn: { id: string; until: number } | undefined;

export function returnFocusToStub(id: string): void {
  focusReturn = { id, until: performance.now() + 2000 };
}

/** True once for the message noted above, if its stub comes soon enough and the user has not focused anything else. */
export function takesFocusReturn(id: string, doc: Document): boolean {
  const isDue = focusReturn?.id === id && performance.now() < focusReturn.until;
  if (isDue) focusReturn = undefined;
  const active = doc.activeElement;
  return isDue && (active === null || active === doc.body || active === doc.documentElement);
}

export function findStub(item: Element, id: string): Element | undefined {
  if (stubs.size === 0) return undefined; // the common case: no DOM read per message
  const stub = stubOf.get(item);
  return stub && stubs.has(stub) && stub.getAttribute(stubAttribute) === id ? stub : undefined;
}

/** Puts a stub back right before its message if the site moved one of them or put something between them. */
export function keepBeforeItem(stub: Element, item: Element): void {
  if (item.previousElementSibling === stub) return;
  const active = stub.ownerDocument.activeElement;
  const hadFocus = active !== null && stub.contains(active); // moving a node drops its focus
  item.before(stub);
  if (hadFocus) focusStub(stub);
}

export function createStub(
  item: Element,
  id: string,
  label: string,
  theme: 'light' | 'dark',
  onShow: () => void,
  indentPx?: number,
) {
  const doc = item.ownerDocument;
  const { host, root } = createHost(doc, stubTag, shadowCss);
  host.setAttribute('data-theme', theme);
  if (indentPx) host.style.marginLeft = `${indentPx}px`;
  const line = doc.createElement('span');
  line.className = 'stub';
  const why = doc.createElement('span');
  why.id = 'why';
  why.textContent = label;
  const show = doc.createElement('button');
  show.type = 'button';
  show.textContent = t('show');
  // A page may hold many "Show" buttons: each one's description says whose message it shows (ids are per root).
  show.setAttribute('aria-describedby', 'why');
  line.append(why, show);
  root.append(line);
  isolate(host, onShow);
  let outer: Element = host;
  if (item.tagName === 'TR') {
    outer = doc.createElement('tr');
    const cell = doc.createElement('td');
    cell.colSpan = 99;
    cell.append(host);
    outer.append(cell);
  } else if (item.tagName === 'LI') {
    outer = doc.createElement('li');
    outer.append(host);
  }
  outer.setAttribute(stubAttribute, id);
  const slot = item.getAttribute('slot');
  if (slot) outer.setAttribute('slot', slot);
  stubs.add(outer);
  parts.set(outer, { label, show, item });
  stubOf.set(item, outer);
  return outer;
}

/**
 * Removes stubs whose message was removed, re-used for another message (virtualized lists) or shown; puts back the
 * others the site separated from their message.
 */
export function removeOrphanStubs(): void {
  for (const stub of stubs) {
    const item = parts.get(stub)?.item;
    const id = stub.getAttribute(stubAttribute);
    const isCollapsed =
      item?.isConnected && item.getAttribute('data-uncanned-id') === id && item.hasAttribute('data-uncanned-hidden');
    if (item && isCollapsed && stubOf.get(item) === stub) {
      keepBeforeItem(stub, item);
      continue;
    }
    stub.remove();
    stubs.delete(stub);
  }
}

/** Removes the stub of a message, wherever the site put it. */
export function removeStubOf(item: Element): void {
  const stub = stubOf.get(item);
  if (!stub) return;
  stub.remove();
  stubs.delete(stub);
  stubOf.delete(item);
}
