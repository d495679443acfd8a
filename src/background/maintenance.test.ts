import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type Background, browserModuleMock, contentScript, startBackground, texts } from './testing/harness';

vi.mock('../shared/browser', () => browserModuleMock());

let bg: Background;
beforeEach(async () => {
  bg = await startBackground();
});

const batch = (round: number) =>
  Array.from({ length: 500 }, (_, index) => ({
    id: `${round}-${index}`,
    sender: `s${index}`,
    text: `${texts.other} ${index}`,
  }));

describe('retention after batches', () => {
  it('prunes in the background, whole batches at a time, and the engine and aggregates follow', async () => {
    await bg.browser.storage.local.set({ settings: { retention: { maxMessages: 1000, maxDays: 180 } } });
    for (let round = 0; round < 3; round++) {
      await bg.send('classify', { site: 'x', url: 'https://x.com/', items: batch(round) }, contentScript());
      await new Promise((resolve) => setTimeout(resolve, 2)); // batches seen at distinct times
    }
    // Over the cap it prunes to 95 % of it: the two oldest batches go, after a pause in the batches.
    await vi.waitFor(async () => expect((await bg.send('getStatus', {})).messages).toBe(500), { timeout: 8_000 });
    const host = await bg.modules.engineHost.getEngineHost();
    await vi.waitFor(() => expect(host.engine.size).toBe(500), { timeout: 8_000 });
    expect((await bg.send('getStatus', {})).senders).toBe(500);
    expect(await host.db.get('senders', ['x', 's1'])).toMatchObject({ messages: 1 });
    // A new worker life (snapshot, replay, journal) holds the same messages.
    await bg.restart();
    expect((await bg.modules.engineHost.getEngineHost()).engine.size).toBe(500);
  });
});
