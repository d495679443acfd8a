/**
 * The only importer of `string-similarity` (unmaintained upstream since 2023, detection.md §5): replacing the
 * package is a change to this file alone, checked by the golden tests beside it.
 */
import stringSimilarity from 'string-similarity';

const ASTRAL = /[\uD800-\uDFFF]/;
const PRIVATE_USE_BASE = 0xe000;

/**
 * Maps every astral code point (emoji, mathematical letters...) to one private-use BMP character, with one
 * map shared by both strings, because `compareTwoStrings` counts UTF-16 units and would otherwise see fake
 * shared bigrams between the surrogate halves of unrelated emoji.
 */
function remapAstral(a: string, b: string): [string, string] {
  const map = new Map<number, string>();
  const remap = (text: string): string => {
    let out = '';
    for (const char of text) {
      const code = char.codePointAt(0) ?? 0;
      if (code <= 0xffff) {
        out += char;
        continue;
      }
      let replacement = map.get(code);
      if (replacement === undefined) {
        replacement = String.fromCharCode(PRIVATE_USE_BASE + (map.size % 0x1900));
        map.set(code, replacement);
      }
      out += replacement;
    }
    return out;
  };
  return [remap(a), remap(b)];
}

/**
 * Sørensen–Dice coefficient over character bigrams (whitespace ignored, case-sensitive), 0..1, counting each
 * code point as one character. Pass normalized text.
 */
export function dice(a: string, b: string): number {
  if (ASTRAL.test(a) || ASTRAL.test(b)) {
    const [left, right] = remapAstral(a, b);
    return stringSimilarity.compareTwoStrings(left, right);
  }
  return stringSimilarity.compareTwoStrings(a, b);
}
