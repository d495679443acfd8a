import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTicker } from './observe';

describe('createTicker', () => {
  const frames: (() => void)[] = [];
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    frames.length = 0;
  });

  it('runs once per request, on the frame or the fallback timer, whichever comes first', () => {
    const callback = vi.fn();
    const request = createTicker(callback, 100);
    request();
    request(); // already pending: no second run
    for (const frame of frames.splice(0)) frame();
    expect(callback).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(100); // the fallback finds nothing pending
    expect(callback).toHaveBeenCalledTimes(1);
    request(); // a tab that does not paint: no frame comes
    vi.advanceTimersByTime(100);
    expect(callback).toHaveBeenCalledTimes(2);
  });

  it('keeps one fallback timer in flight however many requests there are', () => {
    const request = createTicker(() => {}, 100);
    for (let index = 0; index < 50; index++) {
      request();
      for (const frame of frames.splice(0)) frame();
    }
    expect(vi.getTimerCount()).toBe(1);
  });
});
