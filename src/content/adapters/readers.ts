/** Small reader factories so adapters stay declarative: `{from: 'a.hnuser', read: hrefMatch(/…/)}`. */
import type { Reader } from './define-adapter';

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
  let url: URL | undefined;
  try {
    url = new URL(raw, base);
  } catch {
    url = undefined;
  }
  if (resolved.size >= 500) resolved.clear();
  resolved.set(key, url);
  return url;
}

/** `decodeURIComponent` that keeps malformed escapes (`%E0%A4%A`) instead of throwing. */
const decodePath = (path: string) => {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
};

/** First capture group of `pattern` run on the link's `pathname + search` (or `src` with `name = 'src'`). */
export const hrefMatch =
  (pattern: RegExp, name = 'href'): Reader =>
  (element) => {
    const url = resolveUrl(element, name);
    const found = url ? pattern.exec(decodePath(url.pathname) + url.search) : null;
    return found?.[1] || undefined;
  };

/** A query parameter of the link (`comment_id`, `lc`); the first name present wins. */
export const hrefParam =
  (...names: string[]): Reader =>
  (element) => {
    const url = resolveUrl(element);
    for (const name of names) {
      const value = url?.searchParams.get(name);
      if (value) return value;
    }
    return undefined;
  };

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

/** Escapes a value for a CSS attribute selector (`[author="…"]`). */
export const cssString = (value: string): string => `"${value.replace(/["\\]/g, '\\$&')}"`;
