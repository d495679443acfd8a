// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import adapter from './bluesky';
import { extractAll, loadPage } from './test-page';

describe('bluesky adapter', () => {
  it('reads thread items with the DID from the avatar (handle when there is none)', () => {
    loadPage('https://bsky.app/profile/driftwood.app/post/3lbpzzzzzzk2c');
    const items = extractAll(adapter);
    expect(items).toHaveLength(21);
    expect(items.every(Boolean)).toBe(true);
    expect(items[0]).toMatchObject({ sender: 'driftwood.app', id: 'driftwood.app/post/3lbpzzzzzzk2c' });
    expect(items[1]).toEqual({
      id: 'maya-okafor.bsky.social/post/3lbqaaarsk2c',
      sender: 'did:plc:mayaokaforxxvrob',
      senderName: 'Maya Okafor',
      text: 'Been using the beta for three months. The conflict view when two devices edit the same note is the first one I have actually understood.',
      permalink: 'https://bsky.app/profile/maya-okafor.bsky.social/post/3lbqaaarsk2c',
      time: Date.parse('2026-11-24T15:00:00Z'),
    });
    expect(
      new Set(items.filter((item) => item?.senderName === 'Quick Gains Hub').map((item) => item?.sender)).size,
    ).toBe(1);
  });

  it('pre-hide selector matches a DID', () => {
    loadPage('https://bsky.app/profile/driftwood.app/post/3lbpzzzzzzk2c');
    const quick = extractAll(adapter).find((item) => item?.senderName === 'Quick Gains Hub');
    expect(document.querySelectorAll(adapter.senderSelector?.(quick?.sender ?? '') ?? '')).toHaveLength(4);
  });
});
