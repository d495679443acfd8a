import { describe, expect, test } from 'vitest';
import { dice } from './similarity';

// Golden pairs from detection.md §5 (code-point scores). A replacement of string-similarity must reproduce them.
describe('dice', () => {
  test.each([
    ['Hi Anna, thanks for connecting!', 'Hi Bartholomew, thanks for connecting!', 0.712],
    ['Hi Anna, thanks for connecting!', 'Hi {name}, thanks for connecting!', 0.815],
    ['Great post 🔥🔥', 'Great post 😂😂', 0.8],
    ['🔥🔥🔥', '😂😂😂', 0],
    ['Love this song', 'I love this song', 0.87],
    ['Thanks!', 'Thanks', 0.909],
    ['ok', 'ok!', 0.667],
  ])('%s ~ %s = %d', (a, b, expected) => {
    expect(dice(a, b)).toBeCloseTo(expected, 3);
  });

  test.each([
    ['same', 'same', 1],
    ['', '', 1],
    ['a', 'b', 0],
    ['A B', 'AB', 1],
  ])('edge %s ~ %s = %d', (a, b, expected) => {
    expect(dice(a, b)).toBe(expected);
  });

  test('is symmetric', () => {
    expect(dice('great video 🎉 love it', 'love it great video')).toBe(
      dice('love it great video', 'great video 🎉 love it'),
    );
  });
});
