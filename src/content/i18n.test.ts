import fs from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getMessage } from '../shared/fake-i18n';

// The background answers `getStrings` with the real shared helper over the real en messages.json (Chrome's
// placeholder rules, fake-i18n.ts), unless a test swaps the answer.
const sendToBackground = vi.fn();
vi.mock('../shared/messaging', () => ({ sendToBackground }));
vi.mock('../shared/browser', async () => ({ browser: (await import('../shared/fake-i18n')).fakeBrowser }));
const { localizedTemplates } = await import('../shared/i18n');

/** A fresh copy of the module: the loaded strings are module state. */
async function freshStrings() {
  vi.resetModules();
  return import('./i18n');
}

const locale = JSON.parse(fs.readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<
  string,
  { message: string }
>;

beforeEach(() => {
  sendToBackground.mockReset();
  sendToBackground.mockImplementation(async (_type: string, input: { keys: string[] }) =>
    localizedTemplates(input.keys),
  );
});

describe('in-page strings', async () => {
  const { english } = await freshStrings();

  it.each(Object.entries(english))('%s is in the English locale with the same text', (key, text) => {
    expect(locale[key], 'key in messages.json').toBeDefined();
    // Placeholders are written $1 in the fallback and $NAME$ (or $1) in the locale: compare the words only.
    const words = (value: string) => value.replace(/\$\w+\$|\$\d/g, '').trim();
    expect(words(locale[key]?.message ?? '')).toBe(words(text));
  });

  it('is English with values filled in before the locale arrives', async () => {
    const { t } = await freshStrings();
    expect(t('chipRepeat', 7)).toBe('Canned ×7');
    expect(t('explainRepeat', '@bob', 3)).toBe('@bob sent this text 3 times. Other copies:');
    expect(sendToBackground).not.toHaveBeenCalled();
  });

  it('fills the locale templates from the background exactly as getMessage would substitute', async () => {
    const { english, loadStrings, t } = await freshStrings();
    await loadStrings();
    expect(sendToBackground).toHaveBeenCalledWith('getStrings', { keys: Object.keys(english) });
    for (const key of Object.keys(english) as (keyof typeof english)[])
      expect(t(key, '@bob', 3), key).toBe(getMessage(key, ['@bob', '3']));
  });

  it("uses another locale's text, English for the keys it lacks, and stays English when the background fails", async () => {
    let strings = await freshStrings();
    sendToBackground.mockResolvedValueOnce({ show: 'Zeigen', chipRepeat: 'Vorgefertigt ×$1', unknown: 'x' });
    await strings.loadStrings();
    expect([strings.t('show'), strings.t('chipRepeat', 9), strings.t('notCanned')]).toEqual([
      'Zeigen',
      'Vorgefertigt ×9',
      'Not canned',
    ]);

    strings = await freshStrings();
    sendToBackground.mockRejectedValueOnce(new Error('Extension context invalidated.'));
    await strings.loadStrings();
    expect(strings.t('show')).toBe('Show');
  });
});
