import { browser } from './browser';

/**
 * Looks up a UI string in `_locales/<lang>/messages.json`. Falls back to the key so a missing string is visible
 * instead of blank.
 */
export function t(key: string, substitutions?: string | number | (string | number)[]): string {
  const subs = substitutions === undefined ? undefined : [substitutions].flat().map(String);
  return browser.i18n.getMessage(key, subs) || key;
}

/**
 * The locale's text for each key with its `$1`, `$2` kept as placeholders (they are substituted by themselves), for
 * a content script to fill in; keys the locale lacks are left out.
 */
export function localizedTemplates(keys: readonly string[]): Record<string, string> {
  const templates: Record<string, string> = {};
  for (const key of keys) {
    const text = browser.i18n.getMessage(key, ['$1', '$2']);
    if (text) templates[key] = text;
  }
  return templates;
}
