import fs from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

const getMessage = vi.fn((key: string, values: string[]) =>
  key === 'show' ? 'Zeigen' : key === 'chipRepeat' && values[0] === '9' ? `Vorgefertigt ×9` : '',
);
vi.mock('../shared/browser', () => ({ browser: { i18n: { getMessage } } }));
const { english, t } = await import('./i18n');

const locale = JSON.parse(fs.readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<
  string,
  { message: string }
>;

describe('in-page strings', () => {
  it.each(Object.entries(english))('%s is in the English locale with the same text', (key, text) => {
    expect(locale[key], 'key in messages.json').toBeDefined();
    // Placeholders are written $1 in the fallback and $NAME$ (or $1) in the locale: compare the words only.
    const words = (value: string) => value.replace(/\$\w+\$|\$\d/g, '').trim();
    expect(words(locale[key]?.message ?? '')).toBe(words(text));
  });

  it('falls back to English with values filled in when the browser has no message', () => {
    expect(t('chipRepeat', 7)).toBe('Canned ×7');
    expect(t('explainRepeat', '@bob', 3)).toBe('@bob sent this text 3 times. Earlier copies:');
  });

  it('asks the browser once per key and values, keeps asking while it has no message', () => {
    getMessage.mockClear();
    expect([t('show'), t('show'), t('chipRepeat', 9), t('chipRepeat', 9)]).toEqual([
      'Zeigen',
      'Zeigen',
      'Vorgefertigt ×9',
      'Vorgefertigt ×9',
    ]);
    expect(getMessage).toHaveBeenCalledTimes(2);
    expect([t('chipRepeat', 4), t('chipRepeat', 4)]).toEqual(['Canned ×4', 'Canned ×4']);
    expect(getMessage).toHaveBeenCalledTimes(4); // the fallback is not cached
  });
});
