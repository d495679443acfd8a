import { browser } from './browser';

/**
 * Looks up a UI string in `_locales/<lang>/messages.json`. Falls back to the key so a missing string is visible
 * instead of blank.
 */
export function t(key: string, substitutions?: string | number | (string | number)[]): string {
  const subs = substitutions === undefined ? undefined : [substitutions].flat().map(String);
  return browser.i18n.getMessage(key, subs) || key;
}
