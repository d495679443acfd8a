import { describe, expect, test } from 'vitest';
import { diffWords, MAX_DIFF_WORDS, templateSlots } from './template-diff';

describe('templateSlots', () => {
  test('common words as text, varying words as slots', () => {
    expect(templateSlots(['Hi Anna, thanks for connecting!', 'Hi Bob, thanks for connecting!'])).toEqual([
      { kind: 'text', value: 'Hi' },
      { kind: 'slot', values: ['Anna,', 'Bob,'] },
      { kind: 'text', value: 'thanks for connecting!' },
    ]);
  });
  test('an insertion in one text is a slot with an empty variant', () => {
    expect(templateSlots(['great post keep going', 'great post, keep it going'])).toEqual([
      { kind: 'text', value: 'great post keep' },
      { kind: 'slot', values: ['', 'it'] },
      { kind: 'text', value: 'going' },
    ]);
  });
  test.each([
    [[], []],
    [['only one text'], [{ kind: 'text', value: 'only one text' }]],
  ])('edge %j', (texts, expected) => expect(templateSlots(texts)).toEqual(expected));
});

describe('diffWords', () => {
  test('marks same, removed and added runs', () => {
    expect(diffWords('the quick brown fox', 'the slow brown dog jumps')).toEqual([
      { kind: 'same', value: 'the' },
      { kind: 'removed', value: 'quick' },
      { kind: 'added', value: 'slow' },
      { kind: 'same', value: 'brown' },
      { kind: 'removed', value: 'fox' },
      { kind: 'added', value: 'dog jumps' },
    ]);
  });
  test('identical and empty inputs', () => {
    expect(diffWords('a b', 'a b')).toEqual([{ kind: 'same', value: 'a b' }]);
    expect(diffWords('', '')).toEqual([]);
    expect(diffWords('', 'new')).toEqual([{ kind: 'added', value: 'new' }]);
  });
  test('huge inputs are capped, not quadratic', () => {
    const big = 'word '.repeat(100_000);
    const started = Date.now();
    const parts = diffWords(big, `${big} end`);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(parts[0]).toEqual({ kind: 'same', value: Array(MAX_DIFF_WORDS).fill('word').join(' ') });
  });
});
