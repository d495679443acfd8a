/**
 * Generic extraction: turns an adapter's selectors into `ItemData` for one message element. Every query is scoped
 * to the item (never the document), selector strings are prepared once per adapter, and only DOM reads that cannot
 * force layout are used (attributes and text nodes).
 */
import { limits } from '../shared/types';
import { type Field, type ItemData, joinSelector, type Selector, type SiteAdapter } from './adapters/define-adapter';
import { resolveHref } from './adapters/readers';
import { hashId, parseTime, readText } from './read-text';

export { ownElements, parseTime, readText } from './read-text';

/** An adapter's selectors, prepared once: joined item selector, each selector list split and id-rewritten. */
interface Plan {
  item: string;
  parts: Map<Selector, readonly string[]>;
}
const plans = new WeakMap<SiteAdapter, Plan>();

export function planFor(adapter: SiteAdapter): Plan {
  let plan = plans.get(adapter);
  if (!plan) {
    plan = { item: joinSelector(adapter.item), parts: new Map() };
    plans.set(adapter, plan);
  }
  return plan;
}

/** Equal selector lists share one parts array, so an extraction can reuse a match by identity (sender, name). */
function partsOf(plan: Plan, selector: Selector): readonly string[] {
  let parts = plan.parts.get(selector);
  if (!parts) {
    const fresh = (typeof selector === 'string' ? [selector] : selector).map(scopedSelector);
    const key = fresh.join('\n');
    parts = [...plan.parts.values()].find((known) => known.join('\n') === key) ?? fresh;
    plan.parts.set(selector, parts);
  }
  return parts;
}

export function findItems(adapter: SiteAdapter, root: ParentNode): Element[] {
  const selector = planFor(adapter).item;
  const found = [...root.querySelectorAll(selector)];
  if ((root as Node).nodeType === 1 && (root as Element).matches(selector)) found.unshift(root as Element);
  return found;
}

/**
 * Items after `last` in document order, without walking what comes before it: its descendants, then the following
 * siblings of it and of each ancestor. While the parser appends to the document, that is everything new.
 */
export function itemsAfter(adapter: SiteAdapter, last: Element): Element[] {
  const selector = planFor(adapter).item;
  const found = [...last.querySelectorAll(selector)];
  for (let node: Element | null = last; node; node = node.parentElement) {
    for (let next = node.nextElementSibling; next; next = next.nextElementSibling) {
      if (next.matches(selector)) found.push(next);
      if (next.childElementCount > 0) for (const item of next.querySelectorAll(selector)) found.push(item);
    }
  }
  return found;
}

/**
 * Chrome resolves `#id` selectors through the document's id map, and YouTube repeats ids in every comment
 * (#content-text, #author-text): each scoped query then scans all of them, O(n) per call on a long page.
 * `[id~="x"]` matches the same elements but is checked by walking the item's small subtree (measured: 500 scoped
 * queries on a 5,000-comment page take ~400 ms with `#x`, ~3 ms with `[id~="x"]`).
 */
const scoped = new Map<string, string>();
export function scopedSelector(selector: string): string {
  let fast = scoped.get(selector);
  if (fast !== undefined) return fast;
  fast = '';
  let inBrackets = false;
  for (let index = 0; index < selector.length; index++) {
    const char = selector[index];
    if (char === '[') inBrackets = true;
    else if (char === ']') inBrackets = false;
    const id = !inBrackets && char === '#' ? /^[A-Za-z_][\w-]*/.exec(selector.slice(index + 1))?.[0] : undefined;
    if (id) {
      fast += `[id~="${id}"]`;
      index += id.length;
    } else fast += char;
  }
  scoped.set(selector, fast);
  return fast;
}

/** One extraction's reads of an item: matches by parts array, and whether the item holds nested items at all. */
interface Reads {
  found: Map<readonly string[], Element | undefined>;
  /** True when the item is an item and holds none: every match in it is its own (no `closest` check). */
  isFlat?: boolean;
}

/** First match of `selector` in `item` that belongs to it, not to a nested item (a reply). */
export function pickOwn(
  item: Element,
  selector: Selector | undefined,
  adapter: SiteAdapter,
  reads?: Reads,
): Element | undefined {
  if (selector === undefined) return undefined;
  const plan = planFor(adapter);
  const parts = partsOf(plan, selector);
  if (reads?.found.has(parts)) return reads.found.get(parts);
  const own = pickOwnParts(item, parts, plan, reads);
  reads?.found.set(parts, own);
  return own;
}

function pickOwnParts(item: Element, parts: readonly string[], plan: Plan, reads?: Reads): Element | undefined {
  if (reads && reads.isFlat === undefined)
    reads.isFlat = item.querySelector(plan.item) === null && item.matches(plan.item);
  for (const part of parts) {
    if (part === ':scope') return item;
    // The item's own fields come before its nested replies in document order: the first match is almost always it.
    const first = item.querySelector(part);
    if (!first) continue;
    if (reads?.isFlat || first.closest(plan.item) === item) return first;
    for (const candidate of item.querySelectorAll(part)) if (candidate.closest(plan.item) === item) return candidate;
  }
  return undefined;
}

function readField(item: Element, field: Field | undefined, adapter: SiteAdapter, reads: Reads): string | undefined {
  const element = field && pickOwn(item, field.from, adapter, reads);
  return element && field ? field.read(element, item) : undefined;
}

const linkOf = (element: Element) => {
  const link = resolveHref(element) ?? resolveHref(element, 'permalink') ?? resolveHref(element, 'data-permalink');
  return link && withoutTracking(link);
};

/** Prefixes of query parameters that only track who clicked (Facebook's `__cft__[0]`, `__tn__`; `utm_*`; …). */
const trackingPrefixes = ['__cft__', '__tn__', 'utm_', 'fbclid', 'igsh'];
const mayTrack = new RegExp(`[?&](?:${trackingPrefixes.join('|')})`);
function withoutTracking(link: string): string {
  if (!mayTrack.test(link) || !URL.canParse(link)) return link; // the usual case: no URL parsing
  const url = new URL(link);
  for (const name of [...url.searchParams.keys()])
    if (trackingPrefixes.some((prefix) => name.startsWith(prefix))) url.searchParams.delete(name);
  return url.href;
}

/** A link the popup and the panel may open: http(s) only (a page can say `javascript:`), and whole (a cut one leads nowhere). */
const isWebLink = (link: string) => link.length <= 2048 && /^https?:\/\//i.test(link);

/** The first `max` UTF-16 units, without splitting a surrogate pair (a lone half is not text). */
function cut(value: string, max: number): string {
  if (value.length <= max) return value;
  const end = /[\uD800-\uDBFF]/.test(value.charAt(max - 1)) ? max - 1 : max;
  return value.slice(0, end);
}

/**
 * A sender id goes into selectors and the store: control characters (a newline from a `title` or a decoded `%0A`)
 * are never part of a handle; a sender made only of them is no sender.
 */
function withoutControls(sender: string | undefined): string | undefined {
  return sender && /\p{Cc}/u.test(sender) ? sender.replace(/\p{Cc}/gu, '') : sender;
}

/** One extraction's reads, reused: an extraction never starts inside another, and a Map per message is garbage. */
const reads: Reads = { found: new Map() };

/** `isFlat`: the caller knows the item holds no nested item (it saw the items in document order). */
export function extractItem(adapter: SiteAdapter, item: Element, isFlat?: boolean): ItemData | undefined {
  const custom = adapter.extract?.(item) ?? {};
  reads.found.clear();
  reads.isFlat = isFlat;
  const sender = withoutControls(custom.sender ?? readField(item, adapter.sender, adapter, reads));
  if (!sender) return undefined;
  const textElement = custom.text === undefined ? pickOwn(item, adapter.text, adapter, reads) : undefined;
  const text = cut(
    custom.text ?? (textElement ? readText(textElement, adapter.textExclude, limits.maxTextLength) : ''),
    limits.maxTextLength,
  );
  const nameElement = custom.senderName === undefined ? pickOwn(item, adapter.senderName, adapter, reads) : undefined;
  const nameText = nameElement && readText(nameElement, undefined, limits.maxIdLength, true);
  const senderName =
    custom.senderName ?? ((nameText?.includes('\n') ? nameText.replace(/\s+/g, ' ') : nameText) || undefined);
  const linkElement = custom.permalink === undefined ? pickOwn(item, adapter.permalink, adapter, reads) : undefined;
  const permalink = custom.permalink ?? (linkElement && linkOf(linkElement));
  const id =
    custom.id ?? readField(item, adapter.messageId, adapter, reads) ?? permalink ?? hashId(`${sender}\n${text}`);
  const time = custom.time ?? parseTime(readField(item, adapter.time, adapter, reads));
  const data: ItemData = { id: cut(id, limits.maxIdLength), sender: cut(sender, limits.maxIdLength), text };
  if (senderName) data.senderName = cut(senderName, limits.maxIdLength);
  if (permalink && isWebLink(permalink)) data.permalink = permalink;
  if (time !== undefined) data.time = time;
  return data;
}
