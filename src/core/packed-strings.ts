/**
 * Many small strings as one joined string plus end offsets. Structured clone (IndexedDB, postMessage) copies
 * one big string and one typed array in a few milliseconds, where 200k separate strings cost hundreds
 * (docs/benchmarks-engine.md, "snapshot"). Unpacking takes substrings, which V8 shares with the joined string.
 */

/** Strings joined, with the end offset of each one. */
export interface PackedStrings {
  readonly text: string;
  readonly ends: Uint32Array;
}

export function packStrings(strings: readonly string[], count = strings.length): PackedStrings {
  const ends = new Uint32Array(count);
  let end = 0;
  for (let i = 0; i < count; i++) {
    end += strings[i]?.length ?? 0;
    ends[i] = end;
  }
  return { text: count === strings.length ? strings.join('') : strings.slice(0, count).join(''), ends };
}

/** True when `value` is a well-formed `PackedStrings` of `count` entries. */
export function isPacked(value: unknown, count: number): value is PackedStrings {
  if (typeof value !== 'object' || value === null) return false;
  const { text, ends } = value as Partial<PackedStrings>;
  if (typeof text !== 'string' || !(ends instanceof Uint32Array) || ends.length !== count) return false;
  let previous = 0;
  for (const end of ends) {
    if (end < previous) return false;
    previous = end;
  }
  return previous === text.length;
}

/** The strings back (validate with `isPacked` first). */
export function unpackStrings(packed: PackedStrings): string[] {
  const { text, ends } = packed;
  const strings = new Array<string>(ends.length);
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i] ?? start;
    strings[i] = text.slice(start, end);
    start = end;
  }
  return strings;
}
