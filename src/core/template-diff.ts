/**
 * Word-level views for the popup: what a cluster's texts share (`templateSlots`) and how two texts differ
 * (`diffWords`). Plain LCS over words, with inputs capped so a huge message cannot blow up the O(n·m) table.
 */

/** A run of words common to all texts, or a slot holding each text's own words there. */
export type TemplatePart =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'slot'; readonly values: string[] };

/** A run of words in both texts, only in the second (`added`) or only in the first (`removed`). */
export interface DiffPart {
  readonly kind: 'same' | 'added' | 'removed';
  readonly value: string;
}

/** Words compared per text; later words are reported as a whole in the last part. */
export const MAX_DIFF_WORDS = 400;
/** Texts aligned by `templateSlots`. */
export const MAX_TEMPLATE_TEXTS = 50;

const words = (text: string): string[] => text.split(/\s+/).filter((word) => word !== '');
const comparable = (word: string): string =>
  word
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/** For each word of `a`, the index of the word of `b` it aligns with in an LCS, or -1. */
function alignWords(a: readonly string[], b: readonly string[]): Int32Array {
  const left = a.map(comparable);
  const right = b.map(comparable);
  const width = right.length + 1;
  const table = new Uint16Array((left.length + 1) * width);
  for (let i = left.length - 1; i >= 0; i--) {
    for (let j = right.length - 1; j >= 0; j--) {
      const at = i * width + j;
      table[at] =
        left[i] === right[j] ? (table[at + width + 1] ?? 0) + 1 : Math.max(table[at + width] ?? 0, table[at + 1] ?? 0);
    }
  }
  const mapping = new Int32Array(left.length).fill(-1);
  for (let i = 0, j = 0; i < left.length && j < right.length; ) {
    if (left[i] === right[j]) mapping[i++] = j++;
    else if ((table[(i + 1) * width + j] ?? 0) >= (table[i * width + j + 1] ?? 0)) i++;
    else j++;
  }
  return mapping;
}

function push<T extends { kind: string; value: string }>(parts: T[], part: T): void {
  if (part.value === '') return;
  const last = parts[parts.length - 1];
  if (last !== undefined && last.kind === part.kind)
    parts[parts.length - 1] = { ...last, value: `${last.value} ${part.value}` };
  else parts.push(part);
}

/** Word-level diff of `a` → `b`; runs of one kind are merged. */
export function diffWords(a: string, b: string): DiffPart[] {
  const left = words(a);
  const right = words(b);
  const head = left.slice(0, MAX_DIFF_WORDS);
  const other = right.slice(0, MAX_DIFF_WORDS);
  const mapping = alignWords(head, other);
  const parts: DiffPart[] = [];
  let j = 0;
  head.forEach((word, i) => {
    const match = mapping[i] ?? -1;
    if (match < 0) {
      push(parts, { kind: 'removed', value: word });
      return;
    }
    for (; j < match; j++) push(parts, { kind: 'added', value: other[j] ?? '' });
    push(parts, { kind: 'same', value: word });
    j = match + 1;
  });
  for (; j < other.length; j++) push(parts, { kind: 'added', value: other[j] ?? '' });
  push(parts, { kind: 'removed', value: left.slice(MAX_DIFF_WORDS).join(' ') });
  push(parts, { kind: 'added', value: right.slice(MAX_DIFF_WORDS).join(' ') });
  return parts;
}

/**
 * The words all texts share, in order, with the varying stretches between them as slots listing each distinct
 * variant ('' when a text has nothing there). Aligns every text to the first one.
 */
export function templateSlots(texts: readonly string[]): TemplatePart[] {
  const all = texts.slice(0, MAX_TEMPLATE_TEXTS).map((text) => words(text).slice(0, MAX_DIFF_WORDS));
  const [base, ...others] = all;
  if (base === undefined) return [];
  const mappings = others.map((other) => alignWords(base, other));
  const anchors = base.map((_, i) => i).filter((i) => mappings.every((mapping) => (mapping[i] ?? -1) >= 0));
  const parts: TemplatePart[] = [];
  const addSlot = (from: number, to: number, anchor: number): void => {
    const values = all.map((text, t) => {
      const start = t === 0 ? from : (mappings[t - 1]?.[from - 1] ?? -1) + 1;
      const end = t === 0 ? to : anchor < base.length ? (mappings[t - 1]?.[anchor] ?? text.length) : text.length;
      return text.slice(start, end).join(' ');
    });
    if (values.some((value) => value !== '')) parts.push({ kind: 'slot', values: [...new Set(values)] });
  };
  let previous = -1;
  for (const anchor of [...anchors, base.length]) {
    addSlot(previous + 1, anchor, anchor);
    if (anchor < base.length) {
      const last = parts[parts.length - 1];
      const word = base[anchor] ?? '';
      if (last?.kind === 'text') parts[parts.length - 1] = { kind: 'text', value: `${last.value} ${word}` };
      else parts.push({ kind: 'text', value: word });
    }
    previous = anchor;
  }
  return parts;
}
