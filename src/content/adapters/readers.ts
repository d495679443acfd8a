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

/** Resolves `href` (or `src`) against the page, so relative and absolute links read the same. */
export function resolveUrl(element: Element, name = 'href'): URL | undefined {
  const raw = element.getAttribute(name);
  if (!raw) return undefined;
  try {
    return new URL(raw, element.ownerDocument.baseURI);
  } catch {
    return undefined;
  }
}

/** First capture group of `pattern` run on the link's `pathname + search` (or `src` with `name = 'src'`). */
export const hrefMatch =
  (pattern: RegExp, name = 'href'): Reader =>
  (element) => {
    const url = resolveUrl(element, name);
    const found = url ? pattern.exec(decodeURIComponent(url.pathname) + url.search) : null;
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
