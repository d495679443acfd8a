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

  it('hands back the batch without verdicts when the request fails, and sends again afterwards', async () => {
    const { requests, classify } = controlled();
    const onVerdicts = vi.fn();
    const onSettled = vi.fn();
    const queue = new ClassifyQueue({ classify, onVerdicts, onSettled });
    queue.add(item(1));
    queue.send();
    requests[0]?.answer(undefined);
    await vi.waitFor(() => expect(onSettled).toHaveBeenCalledTimes(1));
    expect(onVerdicts).toHaveBeenCalledWith([item(1)], undefined);
    queue.add(item(2));
    queue.send();
    expect(requests[1]?.batch).toEqual([item(2)]);
  });
});
