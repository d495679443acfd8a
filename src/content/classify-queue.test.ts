import { describe, expect, it, vi } from 'vitest';
import type { ItemVerdict } from '../shared/views';
import type { ItemData } from './adapters/define-adapter';
import { ClassifyQueue, maxBatch } from './classify-queue';
import { cleanVerdict } from './verdicts';

const item = (index: number): ItemData => ({ id: `m${index}`, sender: `s${index}`, text: `text ${index}` });

/** A classify function whose requests the test answers one by one. */
function controlled() {
  const requests: { batch: ItemData[]; answer(verdicts?: ItemVerdict[]): void }[] = [];
  const classify = (batch: ItemData[]) =>
    new Promise<ItemVerdict[]>((resolve, reject) =>
      requests.push({
        batch,
        answer: (verdicts) => (verdicts ? resolve(verdicts) : reject(new Error('background restarting'))),
      }),
    );
  return { requests, classify };
}

describe('ClassifyQueue', () => {
  it('sends one request at a time, at most maxBatch messages each, every id once', async () => {
    const { requests, classify } = controlled();
    const received: string[][] = [];
    const onSettled = vi.fn();
    const queue = new ClassifyQueue({
      classify,
      onVerdicts: (_batch, verdicts) => received.push((verdicts ?? []).map((verdict) => verdict.id)),
      onSettled,
    });
    for (let index = 0; index < maxBatch + 30; index++) queue.add(item(index));
    queue.add(item(0)); // the same id again: still once
    queue.send();
    queue.send(); // one in flight: nothing more
    expect(requests).toHaveLength(1);
    expect(requests[0]?.batch).toHaveLength(maxBatch);
    expect(queue.hasWork).toBe(false);

    requests[0]?.answer(requests[0].batch.map((data) => cleanVerdict(data.id)));
    await vi.waitFor(() => expect(onSettled).toHaveBeenCalledTimes(1));
    expect(received[0]).toHaveLength(maxBatch);
    expect(queue.hasWork).toBe(true);
    queue.send();
    expect(requests[1]?.batch.map((data) => data.id)).toEqual(
      Array.from({ length: 30 }, (_, index) => `m${maxBatch + index}`),
    );
  });

  it('asks again once when a request fails, then hands the batch back without verdicts', async () => {
    vi.useFakeTimers();
    try {
      const { requests, classify } = controlled();
      const onVerdicts = vi.fn();
      const onSettled = vi.fn();
      const queue = new ClassifyQueue({ classify, onVerdicts, onSettled }, 1_000);
      queue.add(item(1));
      queue.send();
      requests[0]?.answer(undefined);
      await vi.advanceTimersByTimeAsync(0);
      expect(onSettled).toHaveBeenCalledTimes(1);
      expect(onVerdicts).not.toHaveBeenCalled(); // it waits to be asked again
      expect(queue.isIdle).toBe(false); // not idle meanwhile: its message must not wait unpainted past the cap
      queue.add(item(2));
      queue.send();
      expect(requests[1]?.batch).toEqual([item(2)]);
      requests[1]?.answer([cleanVerdict('m2')]);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(onSettled).toHaveBeenCalledTimes(3); // answered, then the retry is due
      queue.send();
      expect(requests[2]?.batch).toEqual([item(1)]);
      requests[2]?.answer(undefined);
      await vi.advanceTimersByTimeAsync(0);
      expect(onVerdicts).toHaveBeenLastCalledWith([item(1)], undefined);
    } finally {
      vi.useRealTimers();
    }
  });

  it('ignores answers and retries of requests sent before it was cleared (paused)', async () => {
    const { requests, classify } = controlled();
    const onVerdicts = vi.fn();
    const onSettled = vi.fn();
    const queue = new ClassifyQueue({ classify, onVerdicts, onSettled }, 10);
    queue.add(item(1));
    queue.add(item(2));
    queue.send();
    queue.add(item(3));
    queue.clear();
    requests[0]?.answer([cleanVerdict('m1'), cleanVerdict('m2')]);
    await vi.waitFor(() => expect(onSettled).toHaveBeenCalledTimes(1));
    expect(onVerdicts).not.toHaveBeenCalled();
    queue.send();
    expect(requests).toHaveLength(1); // m3 was dropped too
  });

  it('does not ask again after being cleared when a failed request was waiting to be retried', async () => {
    vi.useFakeTimers();
    try {
      const { requests, classify } = controlled();
      const onVerdicts = vi.fn();
      const queue = new ClassifyQueue({ classify, onVerdicts, onSettled: () => {} }, 1_000);
      queue.add(item(1));
      queue.send();
      requests[0]?.answer(undefined); // fails: retried in a second
      await vi.advanceTimersByTimeAsync(0);
      queue.clear(); // paused meanwhile
      await vi.advanceTimersByTimeAsync(1_000);
      queue.send();
      expect(requests).toHaveLength(1);
      queue.add(item(2));
      queue.send();
      requests[1]?.answer(undefined); // answered after a later clear: nothing comes back, nothing is retried
      queue.clear();
      await vi.advanceTimersByTimeAsync(2_000);
      queue.send();
      expect(requests).toHaveLength(2);
      expect(onVerdicts).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });

  it('counts a request left unanswered as failed: asked once more, then handed back without verdicts', async () => {
    vi.useFakeTimers();
    try {
      const { requests, classify } = controlled(); // never answered
      const onVerdicts = vi.fn();
      const queue = new ClassifyQueue({ classify, onVerdicts, onSettled: () => queue.send() }, 1_000, 30_000);
      queue.add(item(1));
      queue.send();
      await vi.advanceTimersByTimeAsync(30_000 + 1_000); // timed out, asked again after the retry delay
      expect(requests).toHaveLength(2);
      for (let index = 2; index < 500; index++) queue.add(item(index)); // meanwhile the chat goes on
      await vi.advanceTimersByTimeAsync(30_000);
      expect(onVerdicts).toHaveBeenCalledWith([item(1)], undefined);
      expect(requests.length).toBeGreaterThan(2); // the waiting messages went out instead of piling up
    } finally {
      vi.useRealTimers();
    }
  });
});
