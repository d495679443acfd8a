/** Our one stylesheet in the page: the hiding rule, plus pre-hide rules for muted senders (no flash on load). */

import type { PageState } from '../shared/views';
import type { SiteAdapter } from './adapters/define-adapter';
import { activeMute } from './decide';
import { planFor } from './extract';
import {
  behindAttribute,
  pageCss,
  pageStyleId,
  pendingRule,
  prehideRule,
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
const waits = new WeakMap<Document, { css: string; until: WaitUntil }>();
const behind = new WeakSet<Document>();

function render(doc: Document): void {
  const style = ensurePageStyle(doc);
  const wait = isUnloadedSilently(doc) ? undefined : waits.get(doc)?.css;
  const css = [rules.get(doc) ?? pageCss, holds.get(doc), wait].filter(Boolean).join('\n');
  if (style.textContent !== css) style.textContent = css;
}

/**
 * At document_start: holds the adapter's messages unpainted until `updatePageStyle` brings the page state (a muted
 * sender's message must not paint before its pre-hide rule) or, when the user collapses or hides canned messages,
 * until what the page shows is judged and marked (`releaseHold`); at most `pendingCapMs`.
 */
export function holdUntilState(doc: Document, itemSelector: string): void {
  holds.set(doc, pendingRule(itemSelector));
  render(doc);
  setTimeout(() => releaseHold(doc), pendingCapMs);
}

export function releaseHold(doc: Document): void {
  if (holds.delete(doc)) render(doc);
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
  root.toggleAttribute(behindAttribute, waits.has(doc) && behind.has(doc));
  const until = isUnloadedSilently(doc) ? waits.get(doc)?.until : undefined;
  if (until === undefined) root.removeAttribute(waitAttribute);
  else if (root.getAttribute(waitAttribute) !== until) root.setAttribute(waitAttribute, until);
}

/**
 * Firefox leaves our stylesheet in the page when it unloads the extension (an update, a disable) and runs nothing of
 * ours after it: a wait rule there would keep every later message blank for good (review, Firefox ESR). There the
 * wait rules go into a sheet the browser inserts and removes with the extension (`insertSheet`), each gated by the
 * root's `waitAttribute`. Its content scripts are the ones that see the page through Xray wrappers. Chromium's
 * orphaned script lifts the rule.
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

/** The wait rule for `doc` (gated by the root attribute in Firefox, see above), if any. */
export function waitingCss(adapter: SiteAdapter, state: PageState, doc?: Document): string | undefined {
  const rule = waitingRule(adapter, state);
  return rule && waitCss(rule.selector, rule.until, doc !== undefined && isUnloadedSilently(doc));
}

/** Firefox: the wait rules each document's browser-inserted sheets hold (one per rule, never taken back). */
const inserted = new WeakMap<Document, Set<string>>();

function insertOnce(doc: Document, css: string, insertSheet: (css: string) => Promise<unknown>): void {
  const sheets = inserted.get(doc) ?? new Set();
  inserted.set(doc, sheets);
  if (sheets.has(css)) return;
  sheets.add(css);
  // Refused (no access to the frame): messages paint at once, as without a rule; a later state change asks again.
  insertSheet(css).catch(() => sheets.delete(css));
}

/**
 * The page state's pre-hide rules; the hold goes too unless canned messages are to be hidden (see above).
 * `insertSheet` asks the background to insert a stylesheet into this frame (Firefox's wait rules).
 */
export function updatePageStyle(
  doc: Document,
  adapter: SiteAdapter,
  state: PageState,
  insertSheet?: (css: string) => Promise<unknown>,
): void {
  rules.set(doc, prehideCss(adapter, state));
  const rule = waitingRule(adapter, state);
  const css = waitingCss(adapter, state, doc);
  if (rule && css) waits.set(doc, { css, until: rule.until });
  else waits.delete(doc);
  if (css && isUnloadedSilently(doc) && insertSheet) insertOnce(doc, css, insertSheet);
  markBehind(doc);
  if (state.paused || state.cannedAction === 'flag') holds.delete(doc);
  render(doc);
}
