// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import adapter from './mastodon';
import { extractAll, loadPage } from './test-page';

const url = 'https://mastodon.social/@driftwood/113512345678800000';

describe('mastodon adapter', () => {
  it('is recognised by markup, not by host', () => {
    loadPage(url);
    expect(adapter.hosts).toEqual([]);
    expect(adapter.detect?.(document)).toBe(true);
    document.documentElement.innerHTML = '<head><title>Blog</title></head><body><main><p>Just a blog</p></main></body>';
    expect(adapter.detect?.(document)).toBe(false);
  });

  it('reads the focused post and every reply with a qualified acct', () => {
    loadPage(url);
    const items = extractAll(adapter);
    expect(items).toHaveLength(21); // 20 replies + the detailed status; the off-screen article has no .status
    expect(items.every(Boolean)).toBe(true);
    // The focused post has no data-id (upstream detailed_status.tsx): its id and link come from its date link.
    expect(items[0]).toMatchObject({
      id: 'mastodon.social/113512345678800000',
      sender: 'driftwood@mastodon.social',
      permalink: 'https://mastodon.social/@driftwood/113512345678800000',
    });
    expect(items[1]).toEqual({
      id: 'mastodon.social/113512345678901234',
      sender: 'maya_okafor@mastodon.social',
      senderName: 'Maya Okafor',
      text: 'Finally a notes app that treats offline as the normal case instead of an error state. Boosting for visibility.',
      permalink: 'https://mastodon.social/@maya_okafor/113512345678901234',
      time: Date.parse('2026-11-24T15:00:00.000Z'),
    });
    expect(items.filter((item) => item?.sender === 'quickgains_hub@spam.example')).toHaveLength(4);
    expect(items.find((item) => item?.sender === 'sunny_daze44@sunny.example')?.senderName).toBe(
      'Sunny Days :sun_glow:',
    );
  });

  it('pre-hide selector matches a remote sender', () => {
    loadPage(url);
    expect(document.querySelectorAll(adapter.senderSelector?.('quickgains_hub@spam.example') ?? '')).toHaveLength(4);
  });
});
