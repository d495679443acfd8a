/**
 * A realistic synthetic comment stream for the speed benchmark: ordinary comments recombine real sentences from
 * the datasets (real word frequencies and lengths, so unrelated comments share common 4-grams as in life), and
 * injected repeat senders and templates post evaded copies, so there are true matches to agree on.
 */
import { decodeEntities, stripTags } from '../../src/core/entities';
import { evasions } from '../../src/core/fixtures/evasions';
import { pick, type Random, seededRandom } from '../../src/core/fixtures/random';
import type { ObservedMessage } from '../../src/core/index';

/** A generated message and how it was made. */
export interface SynthMessage extends ObservedMessage {
  readonly kind: 'ordinary' | 'repeat' | 'template';
}

const EVASION_NAMES = ['homoglyphs', 'invisible', 'case', 'stretch', 'emoji', 'typos', 'nameSwap', 'whitespace'];

/** Splits texts into cleaned sentences of 3+ words. */
export function sentencePool(texts: readonly string[]): string[] {
  const pool: string[] = [];
  for (const raw of texts) {
    const text = decodeEntities(stripTags(raw)).replace(/[\ufeff\u200b]/g, '');
    for (const sentence of text.split(/(?<=[.!?])\s+|\n+/)) {
      const clean = sentence.replace(/\s+/g, ' ').trim();
      if (clean.split(' ').length >= 3) pool.push(clean);
    }
  }
  return pool;
}

function ordinaryText(random: Random, pool: readonly string[], words: readonly string[]): string {
  const count = 1 + Math.floor(random() * 3);
  const parts = Array.from({ length: count }, () => pick(random, pool));
  const tokens = parts.join(' ').split(' ');
  // Swap a few words so that drawing the same sentence twice is not automatically a copy.
  for (let i = 0; i < tokens.length; i++) if (random() < 0.15) tokens[i] = pick(random, words);
  return tokens.join(' ');
}

/**
 * `count` messages: ~90 % ordinary from a long tail of senders, ~5 % from repeat senders posting evaded copies
 * of their own text, ~5 % template copies posted by distinct senders.
 */
export function synthesizeStream(count: number, texts: readonly string[], seed = 42): SynthMessage[] {
  const random = seededRandom(seed);
  const pool = sentencePool(texts);
  const words = pool.flatMap((sentence) => sentence.split(' '));
  const repeaters = Array.from({ length: Math.max(4, Math.floor(count / 400)) }, (_, i) => ({
    sender: `repeater${i}`,
    text: `${ordinaryText(random, pool, words)} ${ordinaryText(random, pool, words)}`,
  }));
  const templates = Array.from(
    { length: Math.max(4, Math.floor(count / 1000)) },
    () =>
      `${ordinaryText(random, pool, words)} ${pick(random, ['check my channel', 'link in bio', 'subscribe for more'])}`,
  );
  const messages: SynthMessage[] = [];
  const start = Date.UTC(2024, 0, 1);
  for (let i = 0; i < count; i++) {
    const roll = random();
    const base = { id: `m${i}`, site: 'synth', time: start + i * 1000 };
    const evade = evasions[pick(random, EVASION_NAMES)] ?? ((text: string) => text);
    if (roll < 0.05) {
      const repeater = pick(random, repeaters);
      messages.push({ ...base, sender: repeater.sender, text: evade(repeater.text, random), kind: 'repeat' });
    } else if (roll < 0.1) {
      messages.push({ ...base, sender: `bot${i}`, text: evade(pick(random, templates), random), kind: 'template' });
    } else {
      const sender = `user${Math.floor(random() ** 3 * count * 0.5)}`;
      messages.push({ ...base, sender, text: ordinaryText(random, pool, words), kind: 'ordinary' });
    }
  }
  return messages;
}
