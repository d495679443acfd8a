import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeBrowser, type FakeBrowser } from './testing/fake-browser';

const fake = vi.hoisted(() => ({ browser: undefined as unknown as FakeBrowser }));
vi.mock('../shared/browser', () => ({
  get browser() {
    return fake.browser;
  },
}));

const { clearSync, pullSync, pushSync, splitIntoChunks, SyncTooLargeError } = await import('./sync');

beforeEach(() => {
  fake.browser = createFakeBrowser();
});

const mutes = (count: number, name = 'Ünïcode "quoted" name ✓') =>
  Array.from({ length: count }, (_, index) => ({
    site: 'x',
    sender: `sender${index}`,
    senderName: name,
    scope: 'all',
  }));

describe('storage.sync chunking', () => {
  it('splits text without breaking code points and respects the byte budget', () => {
    const text = `${'é'.repeat(50)}😀"\\\n${'a'.repeat(50)}`;
    const chunks = splitIntoChunks(text, 40);
    expect(chunks.join('')).toBe(text);
    for (const chunk of chunks) expect(new TextEncoder().encode(JSON.stringify(chunk)).length).toBeLessThanOrEqual(40);
  });

  it('round-trips a payload bigger than one item through the real quotas', async () => {
    const payload = { mutes: mutes(400), settings: { debug: true } };
    expect(JSON.stringify(payload).length).toBeGreaterThan(8192 * 3);
    const meta = await pushSync(payload, 99);
    expect(meta.chunks).toBeGreaterThan(3);
    expect(await pullSync()).toEqual({ payload, meta: { chunks: meta.chunks, savedAt: 99 } });
  });

  it('removes stale chunks when the payload shrinks', async () => {
    await pushSync({ mutes: mutes(400) });
    await pushSync({ mutes: mutes(1) });
    expect([...fake.browser.storage.sync.data.keys()].sort()).toEqual(['uncanned.sync', 'uncanned.sync.0']);
    expect((await pullSync())?.payload).toEqual({ mutes: mutes(1) });
  });

  it('refuses a payload over the total quota and writes nothing', async () => {
    await expect(pushSync({ mutes: mutes(2_000) })).rejects.toBeInstanceOf(SyncTooLargeError);
    expect(fake.browser.storage.sync.data.size).toBe(0);
  });

  it('ignores a missing or incomplete sync set', async () => {
    expect(await pullSync()).toBeUndefined();
    await pushSync({ mutes: mutes(400) });
    await fake.browser.storage.sync.remove('uncanned.sync.1');
    expect(await pullSync()).toBeUndefined();
    await clearSync();
    expect(fake.browser.storage.sync.data.size).toBe(0);
  });
});
