// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import adapter from './github';
import { extractAll, loadPage } from './test-page';

describe('github adapter', () => {
  it('reads issue comments with the numeric user id from the avatar', () => {
    loadPage('https://github.com/driftwood-notes/driftwood/issues/412');
    const items = extractAll(adapter);
    expect(items).toHaveLength(20);
    expect(items.every(Boolean)).toBe(true);
    expect(items[0]).toEqual({
      id: 'issuecomment-2508811300',
      sender: String(1482203 * 7),
      senderName: 'maya-okafor',
      text: 'Been using the beta for three months. The conflict view when two devices edit the same note is the first one I have actually understood.',
      permalink: 'https://github.com/driftwood-notes/driftwood/issues/412#issuecomment-2508811300',
      time: Date.parse('2026-11-24T15:00:00.000Z'),
    });
    expect(items[1]?.text).toBe('Same here. It finally stopped duplicating notes between my two laptops.'); // quote dropped
  });

  it('pre-hide selector matches that user id', () => {
    loadPage('https://github.com/driftwood-notes/driftwood/issues/412');
    expect(document.querySelectorAll(adapter.senderSelector?.(String(5529310 * 7)) ?? '')).toHaveLength(4);
  });
});
