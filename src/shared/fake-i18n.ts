/**
 * Test double for `browser.i18n.getMessage`, reading the real `_locales/en/messages.json` with Chrome's
 * placeholder rules, so component tests see (and check) the shipped strings. Never imported by release code.
 */
import messages from '../../public/_locales/en/messages.json';

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const table = messages as Record<string, Entry>;

const fillNumbered = (text: string, subs: string[]) =>
  text.replace(/\$(\d)/g, (_, index: string) => subs[Number(index) - 1] ?? '');

export function getMessage(key: string, substitutions?: string | string[]): string {
  const entry = table[key];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : [substitutions].flat();
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const placeholder = Object.entries(entry.placeholders ?? {}).find(
      ([key]) => key.toLowerCase() === name.toLowerCase(),
    );
    return placeholder ? fillNumbered(placeholder[1].content, subs) : whole;
  });
  return named.replace(/\$\$/g, '$');
}

export const fakeBrowser = { i18n: { getMessage, getUILanguage: () => 'en' } };
