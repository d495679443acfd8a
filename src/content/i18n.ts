/**
 * In-page strings. Each key is also in public/_locales/en/messages.json (checked by i18n.test.ts); the English
 * text here is used until the locale's strings arrive from the background, and when a locale lacks a key.
 */
import { sendToBackground } from '../shared/messaging';

export const english = {
  chipRepeat: 'Canned ×$1',
  chipTemplate: 'Same text from $1 accounts',
  chipTitle: 'Why is this flagged?',
  muteShort: 'Mute',
  muteSender: 'Mute repeat sender',
  notCanned: 'Not canned',
  muteCannedOnly: 'Hide only their canned replies',
  explainRepeat: '$1 sent this text $2 times. Other copies:',
  explainTemplate: 'The same text came from $1 accounts. Other copies:',
  explainEmpty: 'No earlier copies are stored on this device.',
  explainError: 'Could not load the earlier copies.',
  explainLoading: 'Loading…',
  explainThisOne: 'This one, compared with the first copy:',
  explainLegend: 'Marked words differ from the first copy; struck-through words are missing.',
  explainSeen: 'seen $1',
  stubMuted: 'Hidden: $1 repeats themselves.',
  stubCanned: 'Hidden: canned reply from $1.',
  stubWithReplies: 'Its replies are hidden with it.',
  show: 'Show',
} as const;

export type StringKey = keyof typeof english;

const fill = (text: string, values: readonly (string | number)[]) =>
  values.length === 0 ? text : text.replace(/\$(\d)/g, (_, index: string) => String(values[Number(index) - 1] ?? ''));

/** The locale's templates, once the background sent them; English until then (and if it never does). */
let localized: Partial<Record<StringKey, string>> = {};

/**
 * Asks the background for the locale's strings, once per page. Not `i18n.getMessage` here: a content script's
 * first call fetches the whole message bundle by synchronous IPC, which stalled the bench page's main thread for
 * 20–50 ms inside a chip's insertion while the browser was busy classifying.
 */
export async function loadStrings(): Promise<void> {
  try {
    const templates = await sendToBackground('getStrings', { keys: Object.keys(english) });
    localized = Object.fromEntries(Object.entries(templates).filter(([key]) => key in english));
  } catch {
    // Background unreachable (extension updated or reloaded): keep working in English.
  }
}

/** The in-page string for `key`, in the browser's locale when loaded, else English; `$1`, `$2` filled from `values`. */
export function t(key: StringKey, ...values: (string | number)[]): string {
  return fill(localized[key] ?? english[key], values);
}
