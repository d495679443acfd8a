/** Our one stylesheet in the page: the hiding rule, plus pre-hide rules for muted senders (no flash on load). */

import type { PageState } from '../shared/views';
import type { SiteAdapter } from './adapters/define-adapter';
import { activeMute } from './decide';
import { planFor } from './extract';
import {
  behindAttribute,
  holdAttribute,
  pageCss,
  pageStyleId,
  pendingRule,
  prehideRule,
  siteAttribute,
  type WaitUntil,
  waitAttribute,
  waitCss,
} from './styles';

/** Each document's style element, kept so a dropped one comes back with its pre-hide rules. */
const styles = new WeakMap<Document, HTMLStyleElement>();

/**
 * Injected at document_start, before the site renders anything; re-attached if a framework drops it (a head
 * manager replacing what it did not render), which would show every collapsed message beside its stub.
 */
export function ensurePageStyle(doc: Document): HTMLStyleElement {
  let style = styles.get(doc) ?? (doc.getElementById(pageStyleId) as HTMLStyleElement | null);
  if (!style) {
    style = doc.createElement('style');
    style.id = pageStyleId;
    style.textContent = pageCss;
  }
  styles.set(doc, style);
  if (!style.isConnected) (doc.head ?? doc.documentElement).append(style);
  return style;
}

/**
 * Removes copies of our stylesheet the page put back (Turbo restores a cached page's head, and appends its
 * stylesheets that differ from the current ones): their stale rules would keep hiding what is no longer muted.
 */
export function dropStaleCopies(doc: Document, added: readonly Node[]): void {
  for (const node of added)
    if (node.nodeName === 'STYLE' && (node as Element).id === pageStyleId && node !== styles.get(doc))
      (node as Element).remove();
}

/** Longest a page's messages wait unpainted: a background that never answers must not hide them. */
export const pendingCapMs = 1_500;

/** Each held document's pending rule, and its pre-hide rules (what the stylesheet holds besides the hold). */
const holds = new WeakMap<Document, string>();
const rules = new WeakMap<Document, string>();
/** Each document's wait rule (see `waitingCss`), and the documents whose pipeline fell behind (rule off). */
const waits = new WeakMap<Document, { css: string; until: WaitUntil; site: string }>();
const behind = new WeakSet<Document>();

function render(doc: Document): void {
  const style = ensurePageStyle(doc);
  const wait = isUnloadedSilently(doc) ? undefined : waits.get(doc)?.css;
  const css = [rules.get(doc) ?? pageCss, holds.get(doc), wait].filter(Boolean).join('\n');
  if (style.textContent !== css) style.textContent = css;
}

/**
 * At document_start: holds the adapters' messages unpainted until `updatePageStyle` brings the page state (a muted
 * sender's message must not paint before its pre-hide rule) or, when the user collapses or hides canned messages,
 * until what the page shows is judged and marked (`releaseHold`); at most `pendingCapMs`. In Firefox the hold is a
 * rule of content.css that the root turns on (firefox-sheet.ts).
 */
export function holdUntilState(doc: Document, held: readonly SiteAdapter[]): void {
  if (isUnloadedSilently(doc)) {
    watchBackForward(doc);
    doc.documentElement.setAttribute(holdAttribute, held.map((adapter) => adapter.id).join(' '));
  } else {
    holds.set(doc, pendingRule(held.map((adapter) => planFor(adapter).item).join(', ')));
    render(doc);
  }
  setTimeout(() => releaseHold(doc), pendingCapMs);
}

export function releaseHold(doc: Document): void {
  if (dropHold(doc)) render(doc);
}

/** Ends the hold; true if our stylesheet held it (it needs rendering again). */
function dropHold(doc: Document): boolean {
  const root = doc.documentElement;
  if (root.hasAttribute(holdAttribute)) root.removeAttribute(holdAttribute);
  return holds.delete(doc);
}

/** One rule per sender, so one selector the browser rejects cannot disable the others. */
export function prehideCss(adapter: SiteAdapter, state: PageState): string {
  if (state.paused || !adapter.senderSelector) return pageCss;
  const mutedRules = state.mutes
    .filter((mute) => mute.scope === 'all' && activeMute(state, mute.sender))
    .map((mute) => prehideRule(adapter.senderSelector?.(mute.sender) ?? ''));
  return [pageCss, ...mutedRules].join('\n');
}

/** A wait rule is in force: messages not read (or judged) yet do not paint. */
export const hasWaitRule = (doc: Document): boolean => waits.has(doc);

/** The pipeline is more than `pendingCapMs` behind the page (or not reading it): new messages paint at once. */
export function setBehind(doc: Document, isBehind: boolean): void {
  if (isBehind === behind.has(doc)) return;
  if (isBehind) behind.add(doc);
  else behind.delete(doc);
  markBehind(doc);
}

/** Only while a wait rule exists: the site's own observers of its root element see nothing of ours otherwise. */
function markBehind(doc: Document): void {
  const root = doc.documentElement;
  const wait = waits.get(doc);
  root.toggleAttribute(behindAttribute, wait !== undefined && behind.has(doc));
  if (!isUnloadedSilently(doc)) return;
  // Firefox: content.css holds the rule; these attributes turn it on for this page's adapter.
  setOrRemove(root, waitAttribute, wait?.until);
  setOrRemove(root, siteAttribute, wait?.site);
}

function setOrRemove(element: Element, name: string, value: string | undefined): void {
  if (value === undefined) {
    if (element.hasAttribute(name)) element.removeAttribute(name);
  } else if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

/**
 * Firefox: a page kept for Back and Forward keeps content.css even when the extension leaves meanwhile (review,
 * Firefox ESR): the root attributes go while it is away and come back only if we are still there to read it.
 */
const watched = new WeakSet<Document>();
function watchBackForward(doc: Document): void {
  const view = doc.defaultView;
  if (watched.has(doc) || !view) return;
  watched.add(doc);
  view.addEventListener('pagehide', (event) => {
    if (!(event as PageTransitionEvent).persisted) return;
    for (const name of [holdAttribute, waitAttribute, siteAttribute]) doc.documentElement.removeAttribute(name);
  });
  view.addEventListener('pageshow', (event) => {
    if ((event as PageTransitionEvent).persisted) markBehind(doc);
  });
}

/**
 * Firefox leaves our stylesheet in the page when it unloads the extension (an update, a disable) and runs nothing of
 * ours after it: a rule there that keeps messages blank would keep them blank for good (review, Firefox ESR). There
 * the hold and the wait rules are in content.css instead (firefox-sheet.ts). Its content scripts are the ones that
 * see the page through Xray wrappers. Chromium's orphaned script lifts the rules.
 */
const isUnloadedSilently = (doc: Document) => 'wrappedJSObject' in (doc.defaultView ?? {});

/** New messages wait unpainted until judged when canned ones fold, or until read when a mute has no CSS hook. */
function waitingRule(adapter: SiteAdapter, state: PageState): { selector: string; until: WaitUntil } | undefined {
  if (state.paused) return undefined;
  if (state.cannedAction !== 'flag') return { selector: planFor(adapter).item, until: 'data-uncanned' };
  const now = Date.now();
  const hasMute = state.mutes.some((mute) => mute.scope === 'all' && (mute.until === undefined || mute.until > now));
  return hasMute && adapter.unhookedItems ? { selector: adapter.unhookedItems, until: 'data-uncanned-id' } : undefined;
}

/** The wait rule our stylesheet holds (Chromium; Firefox's is in content.css), if any. */
export function waitingCss(adapter: SiteAdapter, state: PageState): string | undefined {
  const rule = waitingRule(adapter, state);
  return rule && waitCss(rule.selector, rule.until);
}

/** The page state's pre-hide rules and wait rule; the hold goes too unless canned messages are to be hidden. */
export function updatePageStyle(doc: Document, adapter: SiteAdapter, state: PageState): void {
  rules.set(doc, prehideCss(adapter, state));
  const rule = waitingRule(adapter, state);
  if (rule) waits.set(doc, { css: waitCss(rule.selector, rule.until), until: rule.until, site: adapter.id });
  else waits.delete(doc);
  if (rule && isUnloadedSilently(doc)) watchBackForward(doc);
  markBehind(doc);
  if (state.paused || state.cannedAction === 'flag') dropHold(doc);
  render(doc);
}
