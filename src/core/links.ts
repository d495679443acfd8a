/**
 * Link extraction. In the key a link becomes `u:<host>`, so tracking parameters and redirect ids do not hide a
 * template; the full canonical link is kept apart, because a short message only counts as canned when the very
 * same link repeats.
 */

const TLDS = 'com|net|org|info|biz|io|ly|co|me|tv|be|us|uk|de|ru|fr|gl|to|xyz|app|link|site|online|shop|club';
// Scheme or www links, plus bare domains with a common TLD ("murdev.com", "bit.ly/x") as spammers type them.
const LINK = new RegExp(
  `(?:https?:\\/\\/|www\\.)[^\\s<>"'\`]+|\\b[a-z0-9][a-z0-9-]*(?:\\.[a-z0-9-]+)*\\.(?:${TLDS})\\b(?:\\/[^\\s<>"'\`]*)?`,
  'g',
);
const TRAILING = /[.,;:!?)\]}'"»”]+$/;

/** Result of `extractLinks`. */
export interface ExtractedLinks {
  readonly text: string;
  readonly links: string[];
  readonly hosts: string[];
}

/** Canonical form of a link: no scheme, no `www.`, no trailing slash or punctuation, lowercase. */
export function canonicalLink(link: string): string {
  return link
    .toLowerCase()
    .replace(TRAILING, '')
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/+$/, '');
}

/** Host part of a canonical link. */
export function linkHost(canonical: string): string {
  return canonical.split(/[/?#]/, 1)[0] ?? '';
}

/** Replaces each link in (lowercased) text with `slot`, returning the canonical links and hosts in order. */
export function extractLinks(text: string, slot: string): ExtractedLinks {
  const links: string[] = [];
  const hosts: string[] = [];
  if (!text.includes('.')) return { text, links, hosts };
  const replaced = text.replace(LINK, (match) => {
    const canonical = canonicalLink(match);
    links.push(canonical);
    hosts.push(linkHost(canonical));
    return ` ${slot} `;
  });
  return { text: replaced, links, hosts };
}
