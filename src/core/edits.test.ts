import { describe, expect, test } from 'vitest';
import { createEngine } from './index';

const PITCH = 'Check out my channel for awesome music videos every week https://example.com/promo';
const OTHER = 'I watched this twice and the second half is even better than I remembered';
const msg = (id: string, sender: string, text: string) => ({ id, site: 'yt', sender, text, time: 1000 });

describe('isEdited', () => {
  const engine = createEngine();
  engine.observe(msg('1', 'guru', PITCH));

  test('another text under a held id is an edit, and so is the rest of a cut text', () => {
    expect(engine.isEdited('yt', '1', 'guru', OTHER)).toBe(true);
    expect(engine.isEdited('yt', '1', 'guru', `${PITCH} and subscribe to get the next one first`)).toBe(true);
  });

  test('the same words with other case, spacing or punctuation, or a cut reading, are not', () => {
    expect(engine.isEdited('yt', '1', 'guru', PITCH.toUpperCase().replaceAll(' ', '   '))).toBe(false);
    expect(engine.isEdited('yt', '1', 'guru', 'Check out my channel for awesome mus…')).toBe(false);
    expect(engine.isEdited('yt', '1', 'guru', '')).toBe(false);
  });

  test('a cut inside a bare domain or a word, with "…" or "...", is not', () => {
    const guide = 'Read the full guide at cryptoboost.com/start, it is free for everyone who signs up today';
    engine.observe(msg('9', 'guru', guide));
    expect(engine.isEdited('yt', '9', 'guru', 'Read the full guide at cryptob…')).toBe(false);
    expect(engine.isEdited('yt', '9', 'guru', 'Read the full guide at cryptoboost.com/start, it is fr...')).toBe(false);
    expect(engine.isEdited('yt', '9', 'guru', 'Read the whole guide at…')).toBe(true);
  });

  test('another sender under a held id is another message whose id collides, not an edit', () => {
    expect(engine.isEdited('yt', '1', 'someone-else', OTHER)).toBe(false);
  });

  test('an id the engine does not hold, or another site, is not', () => {
    expect(engine.isEdited('yt', '2', 'guru', OTHER)).toBe(false);
    expect(engine.isEdited('x', '1', 'guru', OTHER)).toBe(false);
  });
});

describe('forgetMessages', () => {
  test('an edited copy leaves its cluster and the sender count, and is judged again by its new text', () => {
    const engine = createEngine();
    engine.observe(msg('1', 'guru', PITCH));
    expect(engine.observe(msg('2', 'guru', PITCH))).toMatchObject({ canned: true, senderCount: 2 });
    expect(engine.forgetMessages('yt', ['2'])).toBe(1);
    expect(engine.has('yt', '2')).toBe(false);
    expect(engine.size).toBe(1);
    expect(engine.observe(msg('2', 'guru', OTHER))).toMatchObject({ canned: false, senderCount: 1 });
    // The sender's next copy of the pitch is their second, not their third.
    expect(engine.observe(msg('3', 'guru', PITCH))).toMatchObject({ canned: true, senderCount: 2 });
  });

  test('a benign message edited into a flood joins it', () => {
    const engine = createEngine();
    for (const sender of ['a', 'b']) engine.observe(msg(`${sender}1`, sender, PITCH));
    expect(engine.observe(msg('c1', 'c', OTHER)).canned).toBe(false);
    engine.forgetMessages('yt', ['c1']);
    expect(engine.observe(msg('c1', 'c', PITCH))).toMatchObject({ canned: true, templateSenders: 3 });
  });

  test('unknown ids change nothing; a snapshot after a removal restores the same history', () => {
    const engine = createEngine();
    engine.observe(msg('1', 'guru', PITCH));
    engine.observe(msg('2', 'guru', PITCH));
    expect(engine.forgetMessages('yt', ['9', '9'])).toBe(0);
    expect(engine.forgetMessages('yt', ['1', '1'])).toBe(1);
    const restored = createEngine(undefined, engine.snapshot());
    expect(restored.has('yt', '1')).toBe(false);
    expect(restored.observe(msg('3', 'guru', PITCH))).toMatchObject({ senderCount: 2 });
  });
});
