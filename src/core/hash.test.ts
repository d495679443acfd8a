import { describe, expect, test } from 'vitest';
import { hash32, hash64, hashKey, mix32 } from './hash';

describe('hash', () => {
  // Pinned values: a change here changes every stored fingerprint and needs a FORMAT_VERSION bump.
  test.each([
    ['', 0, 0x0],
    ['a', 0, 0x2b038801],
    ['hello world', 0x9747b28c, 0x2d654f8a],
    ['🔥', 1, 0x1321473b],
  ])('hash32(%j, %d) = %d', (text, seed, expected) => {
    expect(hash32(text, seed)).toBe(expected);
  });
  test('is unsigned 32-bit', () => {
    for (const text of ['x', 'yy', 'zzz', 'é', '🔥🔥']) {
      const value = hash32(text, 7);
      expect(Number.isInteger(value) && value >= 0 && value < 2 ** 32).toBe(true);
    }
  });
  test('lanes are independent and differ for near texts', () => {
    const a = hash64('great post');
    const b = hash64('great post!');
    expect(a.low).not.toBe(a.high);
    expect(a.low).not.toBe(b.low);
    expect(a.high).not.toBe(b.high);
  });
  test('hashes code points: a surrogate pair is one block', () => {
    expect(hash32('\u{1F525}', 3)).not.toBe(hash32('\ud83d', 3));
  });
  test('hashKey is a safe integer', () => {
    expect(Number.isSafeInteger(hashKey({ low: 0xffffffff, high: 0xffffffff }))).toBe(true);
  });
  test('mix32 spreads bits', () => {
    expect(mix32(1)).not.toBe(mix32(2));
    expect(mix32(0)).toBe(0);
  });
  test('no collisions among 50k distinct short texts', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 50_000; i++) seen.add(hashKey(hash64(`message number ${i}`)));
    expect(seen.size).toBe(50_000);
  });
});
