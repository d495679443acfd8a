/**
 * A small HTML entity decoder and tag stripper without a DOM: scraped text and the datasets carry `&#39;`,
 * `&amp;` and `<br />`, and an evader can entity-encode every letter.
 */

const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  shy: '\u00ad',
  zwj: '\u200d',
  zwnj: '\u200c',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  pound: '£',
  eacute: 'é',
  egrave: 'è',
  aacute: 'á',
  agrave: 'à',
  ntilde: 'ñ',
  ouml: 'ö',
  uuml: 'ü',
  auml: 'ä',
  szlig: 'ß',
  ccedil: 'ç',
};

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));?/g;
// Only things that look like markup: "<3" and "a < b" survive.
const TAG = /<\/?[a-zA-Z][^<>]{0,500}>/g;

function fromCodePoint(code: number): string {
  // Null, surrogates and out-of-range values would poison later steps; U+FFFD is what browsers show.
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(code);
}

function decodeOnce(text: string): string {
  return text.replace(ENTITY, (match, decimal?: string, hex?: string, name?: string) => {
    if (decimal !== undefined) return fromCodePoint(Number.parseInt(decimal, 10));
    if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16));
    const named = name === undefined ? undefined : NAMED[name.toLowerCase()];
    return named ?? match;
  });
}

/** Decodes numeric and common named entities; a second pass catches double encoding (`&amp;#39;`). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  const once = decodeOnce(text);
  return once.includes('&') ? decodeOnce(once) : once;
}

/** Replaces markup tags with a space (so `a<br />b` stays two words). */
export function stripTags(text: string): string {
  return text.includes('<') ? text.replace(TAG, ' ') : text;
}
