/** Generic extraction: turns an adapter's selectors into `ItemData` for one message element. */
import { limits } from '../shared/types';
import { type Field, type ItemData, joinSelector, type Selector, type SiteAdapter } from './adapters/define-adapter';
import { resolveUrl } from './adapters/readers';

/** Our own elements (chip host, stub) never count as page content. */
export const ownElements = 'uncanned-controls, uncanned-stub';
const skipInText = `button, [role="button"], script, style, template, noscript, ${ownElements}`;
const blockTags = new Set(['P', 'DIV', 'LI', 'BLOCKQUOTE', 'PRE', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'TR']);
/** UI strings some sites leave at the end of the text element (sites.md §1 rule 5). */
const trailingUi = /\s*(?:…|\.\.\.)?\s*(?:see more|show more|read more|see translation|\(edited\)|edited)\s*$/i;

export function findItems(adapter: SiteAdapter, root: ParentNode): Element[] {
  const selector = joinSelector(adapter.item);
  const found = [...root.querySelectorAll(selector)];
  if ((root as Node).nodeType === 1 && (root as Element).matches(selector)) found.unshift(root as Element);
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

/** First match of `selector` in `item` that belongs to it, not to a nested item (a reply). */
export function pickOwn(item: Element, selector: Selector | undefined, itemSelector: string): Element | undefined {
  for (const part of typeof selector === 'string' ? [selector] : (selector ?? [])) {
    if (part === ':scope') return item;
    for (const candidate of item.querySelectorAll(scopedSelector(part))) {
      if (candidate.closest(itemSelector) === item) return candidate;
    }
  }
  return undefined;
}

function readField(item: Element, field: Field | undefined, itemSelector: string): string | undefined {
  const element = field && pickOwn(item, field.from, itemSelector);
  return element && field ? field.read(element, item) : undefined;
}

/** Text as the reader sees it: emoji images by alt text, paragraphs on their own lines, UI strings dropped. */
export function readText(element: Element, exclude?: string): string {
  const skip = exclude ? `${skipInText}, ${exclude}` : skipInText;
  const parts: string[] = [];
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) parts.push(child.nodeValue ?? '');
      else if (child.nodeType === 1) {
        const el = child as Element;
        if (el.matches(skip)) continue;
        if (el.tagName === 'IMG') parts.push(el.getAttribute('alt') ?? '');
        else if (el.tagName === 'BR') parts.push('\n');
        else {
          const isBlock = blockTags.has(el.tagName);
          if (isBlock) parts.push('\n');
          walk(el);
          if (isBlock) parts.push('\n');
        }
      }
    }
  };
  walk(element);
  const lines = parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim());
  return lines.filter(Boolean).join('\n').replace(trailingUi, '').trim();
}

/** Milliseconds since the epoch from ISO strings, unix seconds, HN's "ISO unix" titles or "July 30, 2026 at 8:35 AM". */
export function parseTime(raw: string | undefined): number | undefined {
  if (!raw) return undefined;
  const unix = /(?:^|\s)(\d{10})$/.exec(raw.trim());
  if (unix?.[1]) return Number(unix[1]) * 1000;
  // Reddit's `created` has microseconds and a "+0000" offset; Bluesky labels say "July 30, 2026 at 8:35 AM".
  const cleaned = raw
    .replace(/ at /, ' ')
    .replace(/(\.\d{3})\d+/, '$1')
    .replace(/([+-]\d\d)(\d\d)$/, '$1:$2');
  const parsed = Date.parse(cleaned);
  return Number.isNaN(parsed) ? undefined : parsed;
}

/** FNV-1a: a last-resort id for messages without one (same sender + text = same id). */
function hashId(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return `h:${(hash >>> 0).toString(36)}`;
}

export function extractItem(adapter: SiteAdapter, item: Element): ItemData | undefined {
  const itemSelector = joinSelector(adapter.item);
  const custom = adapter.extract?.(item) ?? {};
  const sender = custom.sender ?? readField(item, adapter.sender, itemSelector);
  if (!sender) return undefined;
  const textElement = pickOwn(item, adapter.text, itemSelector);
  const text = (custom.text ?? (textElement ? readText(textElement, adapter.textExclude) : '')).slice(
    0,
    limits.maxTextLength,
  );
  const nameElement = pickOwn(item, adapter.senderName, itemSelector);
  const senderName = custom.senderName ?? ((nameElement && readText(nameElement).replace(/\s+/g, ' ')) || undefined);
  const linkElement = pickOwn(item, adapter.permalink, itemSelector);
  const permalink =
    custom.permalink ??
    (linkElement &&
      (resolveUrl(linkElement) ?? resolveUrl(linkElement, 'permalink') ?? resolveUrl(linkElement, 'data-permalink'))
        ?.href);
  const id = custom.id ?? readField(item, adapter.messageId, itemSelector) ?? permalink ?? hashId(`${sender}\n${text}`);
  const time = custom.time ?? parseTime(readField(item, adapter.time, itemSelector));
  return {
    id: id.slice(0, limits.maxIdLength),
    sender: sender.slice(0, limits.maxIdLength),
    ...(senderName && { senderName: senderName.slice(0, limits.maxIdLength) }),
    text,
    ...(permalink && { permalink: permalink.slice(0, 2048) }),
    ...(time !== undefined && { time }),
  };
}
