/**
 * In-page strings. Each key is also in public/_locales/en/messages.json (checked by i18n.test.ts); the English
 * text here is the fallback when a locale lacks a key or the extension context is gone (after an update).
 */
import { browser } from '../shared/browser';

export const english = {
  chipRepeat: 'Canned ×$1',
  chipTemplate: 'Same text from $1 accounts',
  chipTitle: 'Why is this flagged?',
  muteShort: 'Mute',
  muteSender: 'Mute repeat sender',
  notCanned: 'Not canned',
  muteCannedOnly: 'Hide only their canned replies',
  explainRepeat: '$1 sent this text $2 times. Earlier copies:',
  explainTemplate: 'The same text came from $1 accounts. Other copies:',
  explainEmpty: 'No earlier copies are stored on this device.',
  explainError: 'Could not load the earlier copies.',
  explainLoading: 'Loading…',
  explainThisOne: 'This one, compared with the first copy:',
  explainLegend: 'Marked words differ from the first copy; struck-through words are missing.',
  stubMuted: 'Hidden: $1 repeats themselves.',
  stubCanned: 'Hidden: canned reply from $1.',
  show: 'Show',
} as const;

export type StringKey = keyof typeof english;

const fill = (text: string, values: readonly (string | number)[]) =>
  text.replace(/\$(\d)/g, (_, index: string) => String(values[Number(index) - 1] ?? ''));

/**
 * Looked-up strings by key and values. `getMessage` is a call into the browser: on the 5,000-comment bench page the
 * chips' labels alone made `t` 4 % of the content script's profile. The locale cannot change under a running page.
 */
const cache = new Map<string, string>();
const maxCached = 500;

/** `browser.i18n.getMessage`, falling back to English; `$1`, `$2` are filled from `values`. */
export function t(key: StringKey, ...values: (string | number)[]): string {
  const cacheKey = values.length === 0 ? key : `${key}\u0000${values.join('\u0000')}`;
  const cached = cache.get(cacheKey);
  if (cached !== undefined) return cached;
  let localized = '';
  try {
    localized = browser.i18n.getMessage(key, values.map(String));
  } catch {
    // Extension context invalidated (the extension was updated or reloaded): keep working in English.
  }
  if (!localized) return fill(english[key], values); // not cached: the browser's string may be back next time
  if (cache.size >= maxCached) cache.clear();
  cache.set(cacheKey, localized);
  return localized;
}
