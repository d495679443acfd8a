/**
 * Writes a decision onto the page: the data-uncanned hooks, the controls and the stub. Every write checks the
 * current value first, so re-applying the same decision causes no mutations (and no observer feedback loop).
 * Each item's controls are remembered in a WeakMap, so re-marking never queries the item's subtree.
 */
import type { ItemVerdict } from '../shared/views';
import type { ItemData, SiteAdapter } from './adapters/define-adapter';
import { type ControlActions, controlsTag, createControls, updateControls } from './chip';
import type { Decision } from './decide';
import { pickOwn, planFor } from './extract';
import { t } from './i18n';
import { themeFor } from './isolate';
import { cancelNearView, whenNearView } from './near-view';
import { createStub, findStub, focusStub, keepBeforeItem, removeStubOf, stubLabel, takesFocusReturn } from './stub';

export const hooks = ['data-uncanned', 'data-uncanned-hidden', 'data-uncanned-id', 'data-uncanned-revealed'] as const;

export interface MarkContext {
  adapter: SiteAdapter;
  actions: ControlActions;
  onShow(id: string): void;
}

/** Once we hid anything, the status report counts hidden items; until then it skips a document-wide query. */
let hasHidden = false;
export const hasHiddenAny = (): boolean => hasHidden;
/** Once anything was revealed ("Show"), marks keep `data-uncanned-revealed` in step. */
let hasRevealed = false;

/** The controls host we inserted into each item. */
const controlsOf = new WeakMap<Element, Element>();

export function setAttribute(element: Element, name: string, value: string | undefined): void {
  if (value === undefined) {
    if (element.hasAttribute(name)) element.removeAttribute(name);
  } else if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

/** The item's controls, if still inside it (a framework may have re-rendered the item's content). */
function currentControls(item: Element): Element | undefined {
  const host = controlsOf.get(item);
  if (host && item.contains(host)) return host;
  host?.remove();
  controlsOf.delete(item);
  return undefined;
}

export function applyMarks(
  item: Element,
  data: ItemData,
  verdict: ItemVerdict | undefined,
  decision: Decision,
  context: MarkContext,
): void {
  setAttribute(item, 'data-uncanned', decision.judged);
  setAttribute(item, 'data-uncanned-hidden', decision.hidden);
  // Rare: until anything was shown by "Show", clean comments are spared a DOM read per mark.
  if (decision.revealed) hasRevealed = true;
  if (hasRevealed) setAttribute(item, 'data-uncanned-revealed', decision.revealed && '');
  if (decision.hidden) hasHidden = true;
  let host = currentControls(item);
  if (host && (decision.judged !== 'canned' || !verdict || host.getAttribute('data-uncanned-for') !== data.id)) {
    const hadFocus = holdsFocus(host); // "Not canned" pressed: focus stays in the message, not on <body>
    host.remove();
    controlsOf.delete(item);
    host = undefined;
    if (hadFocus && !decision.hidden) focusInside(item);
  }
  if (decision.judged === 'canned' && verdict) {
    if (host) updateControls(host, verdict);
    else whenNearView(item, () => insertIfStillCanned(item, data, verdict, context));
  } else cancelNearView(item);

  let stub = findStub(item, data.id);
  if (decision.hidden && decision.mode === 'collapse') {
    const name = data.senderName ?? data.sender;
    const why = decision.hidden === 'muted' ? t('stubMuted', name) : t('stubCanned', name);
    // Where replies nest inside the message (Reddit, Instagram, LinkedIn), hiding it hides them: the line says so.
    const label = item.querySelector(planFor(context.adapter).item) ? `${why} ${t('stubWithReplies')}` : why;
    let hadFocus = false;
    if (stub && stubLabel(stub) !== label) {
      hadFocus = holdsFocus(stub);
      removeStubOf(item); // collapsed as canned, then its sender muted: the line says why it is hidden now
      stub = undefined;
    }
    if (stub) keepBeforeItem(stub, item);
    else {
      hadFocus ||= takesFocusReturn(data.id, item.ownerDocument) || holdsFocus(item); // "Mute" pressed: focus goes to "Show"
      const indent = context.adapter.stubIndent?.(item);
      const created = createStub(item, data.id, label, themeFor(item), () => context.onShow(data.id), indent);
      item.before(created);
      if (hadFocus) focusStub(created);
    }
  } else if (stub) {
    const hadFocus = holdsFocus(stub); // "Show" pressed from the keyboard: focus goes into the message shown
    removeStubOf(item);
    if (hadFocus) focusInside(item);
  }
}

/** What a keyboard user can reach in a message: not the aria-hidden avatar links sites take out of the tab order. */
const reachable =
  'a[href]:not([tabindex="-1"]):not([aria-hidden="true"]), button:not([tabindex="-1"]):not([aria-hidden="true"])';

function focusInside(item: Element): void {
  const chip = currentControls(item)?.shadowRoot?.querySelector('button');
  // Items that are in the tab order themselves (X's article, Bluesky's post) take it; else their first control.
  // A control with words (the author's name), not an icon: on Hacker News the first one is the upvote arrow.
  const worded = () => [...item.querySelectorAll(reachable)].find((control) => control.textContent?.trim());
  const target = chip ?? (item.matches('[tabindex="0"]') ? item : (worded() ?? item.querySelector(reachable)));
  (target as HTMLElement | null)?.focus({ preventScroll: true }); // not instanceof: another frame's realm
}

/** The focused element is inside `element` (our controls' shadow hosts count as focused when a button is). */
function holdsFocus(element: Element): boolean {
  const active = element.ownerDocument.activeElement;
  return active !== null && element.contains(active);
}

function insertIfStillCanned(item: Element, data: ItemData, verdict: ItemVerdict, context: MarkContext): void {
  const shows = item.getAttribute('data-uncanned-id') === data.id && item.getAttribute('data-uncanned') === 'canned';
  if (shows && item.isConnected && !currentControls(item))
    controlsOf.set(item, insertControls(item, data, verdict, context));
}

function insertControls(item: Element, data: ItemData, verdict: ItemVerdict, context: MarkContext): Element {
  const slot = pickOwn(item, context.adapter.slot, context.adapter);
  const text = pickOwn(item, context.adapter.text, context.adapter);
  const anchor = slot ?? text?.parentElement ?? item;
  const host = createControls(item.ownerDocument, data, verdict, context.actions, themeFor(anchor));
  if (slot) slot.append(host);
  else if (text) text.after(host);
  else item.append(host);
  // In a list (old Reddit's and Facebook's action rows are <ul>), a child must be a list item to assistive tech.
  const parent = host.parentElement?.localName;
  if (parent === 'ul' || parent === 'ol') host.setAttribute('role', 'listitem');
  return host;
}

/** Removes everything we added to an item, e.g. when a virtualized list re-uses it for another message. */
export function clearMarks(item: Element, itemSelector: string): void {
  for (const name of hooks) setAttribute(item, name, undefined);
  controlsOf.delete(item);
  cancelNearView(item);
  for (const host of item.querySelectorAll(controlsTag)) if (host.closest(itemSelector) === item) host.remove();
  removeStubOf(item);
}
