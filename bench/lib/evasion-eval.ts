/**
 * Evasion catch rates: for every base text, the original and an evaded copy from one sender (repeat), and the
 * original plus two independently evaded copies from three senders (template). One engine per evasion and
 * scenario, holding every base text, so unrelated texts are around as in a real history.
 */
import { decodeEntities, stripTags } from '../../src/core/entities';
import { evasions, originalFor } from '../../src/core/fixtures/evasions';
import { seededRandom } from '../../src/core/fixtures/random';
import { createEngine, normalizeText } from '../../src/core/index';

/** Catch rates of one evasion. */
export interface EvasionRate {
  readonly evasion: string;
  readonly copies: number;
  readonly repeatCaught: number;
  readonly templateCaught: number;
}

/** Texts as a page shows them: entities decoded, tags and invisible marks gone, 5+ words, distinct keys. */
export function cleanBaseTexts(texts: readonly string[], limit: number, seed: number): string[] {
  const random = seededRandom(seed);
  const byKey = new Map<string, string>();
  for (const raw of texts) {
    const text = decodeEntities(stripTags(raw))
      .replace(/[\ufeff\u200b]/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    const { key, words } = normalizeText(text);
    if (words >= 5 && !byKey.has(key)) byKey.set(key, text);
  }
  const all = [...byKey.values()];
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [all[i], all[j]] = [all[j] ?? '', all[i] ?? ''];
  }
  return all.slice(0, limit);
}

/** Runs every evasion over the base texts. */
export function evaluateEvasions(texts: readonly string[], seed = 7): EvasionRate[] {
  return Object.entries(evasions).map(([name, evade]) => {
    const random = seededRandom(seed);
    const repeat = createEngine();
    const template = createEngine();
    let repeatCaught = 0;
    let templateCaught = 0;
    texts.forEach((text, i) => {
      const original = originalFor(name, text);
      const site = 'test';
      repeat.observe({ id: `${i}-0`, site, sender: `a${i}`, text: original });
      if (repeat.observe({ id: `${i}-1`, site, sender: `a${i}`, text: evade(text, random) }).canned) repeatCaught++;
      template.observe({ id: `${i}-0`, site, sender: `b${i}`, text: original });
      template.observe({ id: `${i}-1`, site, sender: `c${i}`, text: evade(text, random) });
      const third = template.observe({ id: `${i}-2`, site, sender: `d${i}`, text: evade(text, random) });
      if (third.canned && third.reason === 'template') templateCaught++;
    });
    return { evasion: name, copies: texts.length, repeatCaught, templateCaught };
  });
}
