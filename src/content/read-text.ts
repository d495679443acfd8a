/** Message text as the reader sees it, from the DOM alone (textContent-like reads; nothing that forces layout). */

/** Our own elements (chip host, stub) never count as page content. */
export const ownElements = 'uncanned-controls, uncanned-stub';
const skippedTags = new Set([
  'button',
  'script',
  'style',
  'template',
  'noscript',
  'uncanned-controls',
  'uncanned-stub',
]);
const blockTags = new Set([
  ...['p', 'div', 'section', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'table', 'tr'],
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
]);
/** Table cells of a row read apart ("Linux 6.1", not "Linux6.1"). */
const cellTags = new Set(['td', 'th']);
/**
 * UI strings some sites leave at the end of the text element (sites.md §1 rule 5), only in the shapes they take
 * there: after an ellipsis ("…see more"), "(edited)", or a line of their own. A comment that ends in "read more"
 * or "unedited" keeps its words.
 */
const trailingUi =
  /(?:\s*(?:…|\.\.\.)\s*(?:see more|show more|read more|more)|\s+\(edited\)|\n(?:see more|show more|read more|see translation|edited|\(edited\)))$/i;

const isSkipped = (element: Element, exclude: string | undefined) =>
  skippedTags.has(element.localName) ||
  element.getAttribute('role') === 'button' ||
  (exclude !== undefined && element.matches(exclude));

/** Text pieces in document order; the walk stops once `room` characters are collected (a huge message). */
interface Collected {
  parts: string[];
  room: number;
}

function push(out: Collected, piece: string): void {
  out.parts.push(piece);
  out.room -= piece.length;
}

function collect(node: Node, exclude: string | undefined, out: Collected): void {
  for (let child = node.firstChild; child && out.room > 0; child = child.nextSibling) {
    if (child.nodeType === 3) push(out, child.nodeValue ?? '');
    else if (child.nodeType === 1) {
      const element = child as Element;
      const tag = element.localName;
      if (isSkipped(element, exclude)) continue;
      if (tag === 'img') push(out, element.getAttribute('alt') ?? '');
      else if (tag === 'br') push(out, '\n');
      else if (cellTags.has(tag)) {
        push(out, ' ');
        collect(element, exclude, out);
        push(out, ' ');
      } else if (blockTags.has(tag)) {
        push(out, '\n');
        collect(element, exclude, out);
        push(out, '\n');
      } else collect(element, exclude, out);
    }
  }
}

/** Elements `collect` treats specially; without any, the text element reads the same as its `textContent`. */
const special = [...skippedTags, ...blockTags, ...cellTags, 'img', 'br', '[role=button]'].join(',');
const specialWith = new Map<string, string>();
function hasSpecial(element: Element, exclude: string | undefined): boolean {
  let selector = special;
  if (exclude !== undefined) {
    selector = specialWith.get(exclude) ?? `${special},${exclude}`;
    specialWith.set(exclude, selector);
  }
  return element.querySelector(selector) !== null;
}

/** UI strings can only be there when the text ends in one of their last words. */
const mayEndInUi = (text: string) => /(?:more|translation|edited\)?)$/i.test(text.slice(-12));

/**
 * Emoji images by alt text, paragraphs on their own lines, buttons, UI strings and our controls dropped. `max`:
 * only the start of a huge text is cleaned (a 10 MB comment took 1.4 s whole), enough for `max` characters after.
 * `isName`: a display name keeps every word (someone may call themselves "Read More").
 */
export function readText(element: Element, exclude?: string, max = Number.POSITIVE_INFINITY, isName = false): string {
  let raw: string;
  // The common cases: plain text, or inline wrappers only (YouTube's span in #content-text).
  // childElementCount, not firstElementChild: a child wrapper costs ~2 µs to create in the isolated world.
  if (element.childElementCount === 0 || !hasSpecial(element, exclude)) raw = element.textContent ?? '';
  else {
    const out: Collected = { parts: [], room: max * 4 };
    collect(element, exclude, out);
    raw = out.parts.join('');
  }
  if (raw.length > max * 4) raw = raw.slice(0, max * 4); // cleaning shrinks it, but rarely to a quarter
  let text = '';
  if (!raw.includes('\n')) text = raw.replace(/\s+/g, ' ').trim();
  else
    for (const line of raw.split('\n')) {
      const clean = line.replace(/\s+/g, ' ').trim();
      if (clean) text = text ? `${text}\n${clean}` : clean;
    }
  return !isName && mayEndInUi(text) ? text.replace(trailingUi, '').trim() : text;
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

/** FNV-1a over UTF-16 units from `seed` (its offset basis by default), unsigned. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let hash = seed;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return hash >>> 0;
}

/** A last-resort id for messages without one (same sender + text = same id). */
export const hashId = (text: string): string => `h:${fnv1a(text).toString(36)}`;
