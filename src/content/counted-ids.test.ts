import { describe, expect, it } from 'vitest';
import { CountedIds } from './counted-ids';

describe('CountedIds', () => {
  it('never forgets an id it holds, and forgets all on clear', () => {
    const ids = new CountedIds();
    expect(ids.has('read:a')).toBe(false);
    for (let index = 0; index < 20_000; index++) ids.add(`read:yt-${index}`);
    for (let index = 0; index < 20_000; index++) expect(ids.has(`read:yt-${index}`)).toBe(true);
    ids.clear();
    expect(ids.has('read:yt-1')).toBe(false);
  });

  it('claims about 1 in 100 ids it never held once it holds 20,000 (the rate its comment promises)', () => {
    const ids = new CountedIds();
    for (let index = 0; index < 20_000; index++) ids.add(`read:t1_${index.toString(36)}`);
    let wrong = 0;
    for (let index = 0; index < 100_000; index++) if (ids.has(`read:other-${index}`)) wrong++;
    expect(wrong / 100_000).toBeGreaterThan(0.002);
    expect(wrong / 100_000).toBeLessThan(0.02);
  });
});
