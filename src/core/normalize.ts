/**
 * Normalization to a fingerprint key that survives evasion (detection.md §2). Each step is exported for its
 * own table test; `normalizeText` chains them in an order that matters (see the comments there).
 */
import { decodeEntities, stripTags } from './entities';
import { foldHomoglyphs } from './homoglyphs';
import { extractLinks } from './links';

/** Only the first code units are fingerprinted, so a 1 MB message costs the same as a long comment. */
export const MAX_INPUT_CHARS = 4096;

/** Normalized form of one message. */
export interface NormalizedText {
  /** Fingerprint text: folded, slotted, squeezed, single-spaced. */
  readonly key: string;
  /** Words in the key (a link, a mention or a number slot counts as one). 0 for emoji-only text. */
  readonly words: number;
  /** Canonical full links (host lowercased, `www.` and scheme dropped), in order of appearance. */
  readonly links: readonly string[];
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Zero-width, bidi controls, word joiners, BOM, soft hyphen, Mongolian vowel separator, variation selectors,
// tag characters, and C0/C1 controls (null bytes included). NFKC keeps all of these.
const INVISIBLE =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: lone joiners and selectors are listed on purpose.
  /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\u{e0000}-\u{e007f}\u{e0100}-\u{e01ef}]/gu;
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;
const MARKS = /\p{M}/gu;
const EMOJI = /[\p{Extended_Pictographic}\u{1f1e6}-\u{1f1ff}\u{1f3fb}-\u{1f3ff}\u20e3]/gu;
const MENTION = /@[\p{L}\p{N}_.]+/gu;
const NUMBER = /\p{N}+(?:[.,:/]\p{N}+)*/gu;
const GREETING =
  /(^|[.!?\n]\s*)(hi|hello|hey|heya|hiya|dear|greetings|thanks|thank you|congrats|congratulations|good (?:morning|afternoon|evening))[\s,]+(?:mr\.?\s+|mrs\.?\s+|ms\.?\s+|dr\.?\s+)?\p{L}+(?:[\s'-]\p{L}+)?\s*(?=[,!:;—–-])/gu;
const NOT_WORD = /[^\p{L}\p{N}\s\ue000-\ue0ff]+/gu;
const REPEATS = /(.)\1+/gu;
const SPACES = /\s+/g;

/** Slot markers: private-use characters that no earlier step produces and the punctuation pass keeps. */
const LINK_SLOT = '\ue000';
const MENTION_SLOT = '\ue001';
const NAME_SLOT = '\ue002';

/** Drops unpaired surrogates, which cannot be normalized or rendered. */
export function dropLoneSurrogates(text: string): string {
  return text.replace(LONE_SURROGATE, '');
}

/** Removes invisible characters and control codes (tabs and newlines become plain whitespace later). */
export function removeInvisible(text: string): string {
  return text.replace(INVISIBLE, '').replace(CONTROL, ' ');
}

/** NFKC (full-width, math bold, ligatures), strip combining marks, fold look-alikes, lowercase. */
export function foldCharacters(text: string): string {
  const stripped = text.normalize('NFKC').normalize('NFD').replace(MARKS, '');
  // Lowercasing can add marks back ("İ" → "i̇"), hence the second strip.
  return foldHomoglyphs(stripped).toLowerCase().replace(MARKS, '');
}

/** Replaces the name after a greeting ("hi anna, …") with a slot; expects lowercased text. */
export function maskGreetingNames(text: string): string {
  return text.replace(GREETING, (_match, lead: string, greeting: string) => `${lead}${greeting} ${NAME_SLOT}`);
}

/** Squeezes runs of one repeated character to one ("sooo" → "so"); applied to both sides, so it is consistent. */
export function squeezeRepeats(text: string): string {
  return text.replace(REPEATS, '$1');
}

/** The emoji of an emoji-only text, squeezed ("🔥🔥🔥" → "🔥"); empty when the text has words. */
function emojiOnlyKey(text: string, withoutEmoji: string): string {
  if (/[\p{L}\p{N}\ue000-\ue0ff]/u.test(withoutEmoji)) return '';
  return squeezeRepeats(text.replace(/[^\p{Extended_Pictographic}\u{1f1e6}-\u{1f1ff}]/gu, ''));
}

/** Full pipeline: the fingerprint key, its word count and the exact links. */
export function normalizeText(raw: string): NormalizedText {
  let text = raw.length > MAX_INPUT_CHARS ? raw.slice(0, MAX_INPUT_CHARS) : raw;
  text = removeInvisible(decodeEntities(stripTags(dropLoneSurrogates(text))));
  text = foldCharacters(text);
  const { text: withoutLinks, links, hosts } = extractLinks(text, LINK_SLOT);
  text = maskGreetingNames(withoutLinks.replace(MENTION, ` ${MENTION_SLOT} `));
  // Emoji are dropped from the key unless the text has nothing else, so inserting emoji changes nothing.
  const withoutEmoji = text.replace(EMOJI, ' ');
  const emojiKey = emojiOnlyKey(text, withoutEmoji);
  if (emojiKey !== '') return { key: emojiKey, words: 0, links };
  text = withoutEmoji.replace(NUMBER, ' 0 ');
  text = squeezeRepeats(text.replace(NOT_WORD, ' ')).replace(SPACES, ' ').trim();
  let linkIndex = 0;
  const key = text
    .replaceAll(LINK_SLOT, () => `u:${hosts[linkIndex++] ?? ''}`)
    .replaceAll(MENTION_SLOT, '@')
    .replaceAll(NAME_SLOT, '~');
  const words = key === '' || !/[\p{L}\p{N}@~:]/u.test(key) ? 0 : key.split(' ').length;
  return { key, words, links };
}
