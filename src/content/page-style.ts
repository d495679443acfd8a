/** Our one stylesheet in the page: the hiding rule, plus pre-hide rules for muted senders (no flash on load). */

import type { PageState } from '../shared/views';
import type { SiteAdapter } from './adapters/define-adapter';
import { activeMute } from './decide';
import { planFor } from './extract';
import { pageCss, pageStyleId, pendingRule, prehideRule } from './styles';

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

/** Longest a page's messages wait unpainted for its state: a background that never answers must not hide them. */
export const pendingCapMs = 1_500;

/**
 * At document_start: the stylesheet, holding the adapter's messages unpainted until `updatePageStyle` brings the
 * page state (or `pendingCapMs` passes), so a muted sender's message never paints before its pre-hide rule.
 */
export function holdUntilState(doc: Document, adapter: SiteAdapter): void {
  const style = ensurePageStyle(doc);
  const held = `${pageCss}\n${pendingRule(planFor(adapter).item)}`;
  style.textContent = held;
  setTimeout(() => {
    if (style.textContent === held) style.textContent = pageCss;
  }, pendingCapMs);
}

/** One rule per sender, so one selector the browser rejects cannot disable the others. */
export function prehideCss(adapter: SiteAdapter, state: PageState): string {
  if (state.paused || !adapter.senderSelector) return pageCss;
  const rules = state.mutes
    .filter((mute) => mute.scope === 'all' && activeMute(state, mute.sender))
    .map((mute) => prehideRule(adapter.senderSelector?.(mute.sender) ?? ''));
  return [pageCss, ...rules].join('\n');
}

export function updatePageStyle(doc: Document, adapter: SiteAdapter, state: PageState): void {
  const style = ensurePageStyle(doc);
  const css = prehideCss(adapter, state);
  if (style.textContent !== css) style.textContent = css;
}
