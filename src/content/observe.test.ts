import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTicker } from './observe';

/** Lets the tasks posted after a frame run (MessageChannel is not faked). */
const nextTasks = async () => {
  for (let round = 0; round < 2; round++)
    await new Promise<void>((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
};

describe('createTicker', () => {
  const frames: (() => void)[] = [];
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    frames.length = 0;
  });

  it('runs once per request, in a task after the frame or on the fallback timer, whichever comes first', async () => {
    const callback = vi.fn();
    const request = createTicker(callback, 100, () => false);
    request();
    request(); // already pending: no second run
    for (const frame of frames.splice(0)) frame();
    expect(callback).not.toHaveBeenCalled(); // not inside the frame's own task
    await nextTasks();
    expect(callback).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(100); // the fallback finds nothing pending
    expect(callback).toHaveBeenCalledTimes(1);
    request(); // a tab that does not paint: no frame comes
    vi.advanceTimersByTime(100);
    expect(callback).toHaveBeenCalledTimes(2);
  });

  it('keeps one fallback timer in flight however many requests there are', async () => {
    const request = createTicker(
      () => {},
      100,
      () => false,
    );
    for (let index = 0; index < 20; index++) {
      request();
      for (const frame of frames.splice(0)) frame();
      await nextTasks();
    }
    expect(vi.getTimerCount()).toBe(1);
  });

  it('posts the task at once in a hidden tab, where no frame comes and timers are clamped', async () => {
    let hidden = true;
    const callback = vi.fn();
    const request = createTicker(callback, 100, () => hidden);
    request();
    request(); // already pending
    expect(frames).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
    await nextTasks();
    expect(callback).toHaveBeenCalledTimes(1);
    hidden = false; // shown again: back to frames
    request();
    expect(frames).toHaveLength(1);
    for (const frame of frames.splice(0)) frame();
    await nextTasks();
    expect(callback).toHaveBeenCalledTimes(2);
  });
});
