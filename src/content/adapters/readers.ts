/** Small reader factories so adapters stay declarative: `{from: 'a.hnuser', read: hrefMatch(/…/)}`. */
import type { ItemData, Reader } from './define-adapter';

/** The first non-empty attribute among `names`. */
export const attr =
  (...names: string[]): Reader =>
  (element) => {
    for (const name of names) {
      const value = element.getAttribute(name)?.trim();
      if (value) return value;
    }
    return undefined;
  };

/** The element's own text, trimmed (display names, `@handle` chips). */
export const ownText: Reader = (element) => element.textContent?.replace(/\s+/g, ' ').trim() || undefined;

const resolved = new Map<string, URL | undefined>();

/**
 * Resolves `href` (or `src`) against the page, so relative and absolute links read the same. Several fields often
 * read the same link (message id and permalink), so parsed URLs are cached; callers treat them as read-only.
 */
export function resolveUrl(element: Element, name = 'href'): URL | undefined {
  const raw = element.getAttribute(name);
  if (!raw) return undefined;
  const base = element.ownerDocument.baseURI;
  const key = `${base}\n${raw}`;
  if (resolved.has(key)) return resolved.get(key);
  const url = parseUrl(raw, base);
  if (resolved.size >= 500) resolved.clear();
  resolved.set(key, url);
  return url;
}

function parseUrl(raw: string, base?: string): URL | undefined {
  try {
    return new URL(raw, base);
  } catch {
    return undefined;
  }
}

/** `decodeURIComponent` that keeps malformed escapes (`%E0%A4%A`) instead of throwing. */
const decodePath = (path: string) => {
  if (!path.includes('%')) return path;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
};

/**
 * A root-relative link the URL parser would keep byte for byte (no dot segments, fragment, backslash, or characters
 * it percent-encodes): for these `pathname + search` is the raw value and `href` is the base's origin + it, so the
 * common case (YouTube's `/@handle`, `/watch?v=…&lc=…`) needs no `URL` object per comment.
 */
const plainPath = /^\/(?![/\\])[\w\-.~!$&()*+,;=:@%/?]*$/;
const dotSegment = /\/(?:\.|%2e){1,2}(?:[/?]|$)/i;
let lastPath: { raw: string; isPlain: boolean } = { raw: '', isPlain: false };
/** Memoised for the last link: a message's id and permalink usually read the same one. */
export function isPlainPath(raw: string): boolean {
  if (lastPath.raw !== raw)
    lastPath = { raw, isPlain: plainPath.test(raw) && !raw.endsWith('?') && !dotSegment.test(raw) };
  return lastPath.isPlain;
}

/** The origin of the page's base URL, memoised for the last base (one per document: no hashing it per link). */
let lastBase: { base: string; origin: string | undefined } | undefined;
function originOf(base: string): string | undefined {
  if (lastBase?.base !== base) {
    const url = /^https?:/.test(base) ? parseUrl(base) : undefined;
    lastBase = { base, origin: url && !url.username && !url.password ? url.origin : undefined };
  }
  return lastBase.origin;
}

/** The absolute address of the link (as `URL.href`). */
export function resolveHref(element: Element, name = 'href'): string | undefined {
  const raw = element.getAttribute(name);
  if (raw && isPlainPath(raw)) {
    const origin = originOf(element.ownerDocument.baseURI);
    if (origin) return origin + raw;
  }
  return resolveUrl(element, name)?.href;
}

/** First capture group of `pattern` run on the link's `pathname + search` (or `src` with `name = 'src'`). */
export const hrefMatch =
  (pattern: RegExp, name = 'href'): Reader =>
  (element) => {
    const raw = element.getAttribute(name);
    let target: string | undefined;
    const query = raw ? raw.indexOf('?') : -1;
    if (raw && isPlainPath(raw))
      target = query < 0 ? decodePath(raw) : decodePath(raw.slice(0, query)) + raw.slice(query);
    else {
      const url = resolveUrl(element, name);
      target = url && decodePath(url.pathname) + url.search;
    }
    const found = target === undefined ? null : pattern.exec(target);
    return found?.[1] || undefined;
  };

/** A query parameter of the link (`comment_id`, `lc`); the first name present wins. */
export const hrefParam =
  (...names: string[]): Reader =>
  (element) => {
    const raw = element.getAttribute('href');
    // Plain links without escapes or "+" are read straight from the query; anything else goes through URLSearchParams.
    const isPlain = raw && isPlainPath(raw) && !/[%+]/.test(raw);
    const query = isPlain ? raw.slice(raw.indexOf('?') + 1 || raw.length) : undefined;
    const params = query === undefined ? resolveUrl(element)?.searchParams : undefined;
    for (const name of names) {
      const value = params ? params.get(name) : query !== undefined ? plainParam(query, name) : null;
      if (value) return value;
    }
    return undefined;
  };

function plainParam(query: string, name: string): string | null {
  for (const pair of query.split('&')) {
    const equals = pair.indexOf('=');
    if ((equals < 0 ? pair : pair.slice(0, equals)) === name) return equals < 0 ? '' : pair.slice(equals + 1);
  }
  return null;
}

/** Handles are case-insensitive on most sites; one spelling keeps one sender. */
export const lower =
  (reader: Reader): Reader =>
  (element, item) =>
    reader(element, item)?.toLowerCase();

/** Tries readers in order (e.g. numeric id, then vanity name). */
export const firstOf =
  (...readers: Reader[]): Reader =>
  (element, item) => {
    for (const reader of readers) {
      const value = reader(element, item);
      if (value) return value;
    }
    return undefined;
  };

/** Prefixes ids that are only unique per host (Mastodon status ids, WordPress comment numbers). */
export const onHost =
  (reader: Reader): Reader =>
  (element, item) => {
    const value = reader(element, item);
    return value ? `${element.ownerDocument.location?.host ?? ''}/${value}` : undefined;
  };

/**
 * A CSS string for an attribute selector (`[author="…"]`), as CSSOM serializes strings: quotes and backslashes
 * escaped, control characters (a newline would end the string and let the rest be read as rules) as code points.
 */
export const cssString = (value: string): string =>
  `"${value.replace(/[\p{Cc}"\\]/gu, (char) => {
    const code = char.charCodeAt(0);
    if (char === '"' || char === '\\') return `\\${char}`;
    return code === 0 ? '\uFFFD' : `\\${code.toString(16)} `;
  })}"`;

/**
 * For `extract`: an empty text when the item's first `text` match sits inside `quote` (a quoted post nested in the
 * item), i.e. the post quotes another and has no text of its own; the quoted words are not its message.
 */
export const quoteWithoutText =
  (text: string, quote: string) =>
  (item: Element): Partial<ItemData> | undefined => {
    const container = item.querySelector(text)?.closest(quote);
    return container && container !== item && item.contains(container) ? { text: '' } : undefined;
  };
