// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractAll, loadPage } from './test-page';
import adapter from './youtube';

describe('youtube adapter', () => {
  it('reads top-level comments and replies with @handle, comment id and permalink', () => {
    loadPage('https://www.youtube.com/watch?v=Dr1ftW00d10');
    const items = extractAll(adapter);
    expect(items).toHaveLength(20);
    expect(items.every(Boolean)).toBe(true);
    expect(items[0]).toMatchObject({ sender: '@maya-okafor', senderName: '@maya-okafor' });
    expect(items[0]?.id).toMatch(/^Ugz\w+AaABAg$/);
    expect(items[0]?.permalink).toBe(`https://www.youtube.com/watch?v=Dr1ftW00d10&lc=${items[0]?.id}`);
    expect(items[1]?.id).toMatch(/^Ugz\w+AaABAg\.\w+$/); // reply ids extend the parent's
    expect(items[1]?.sender).toBe('@tkowal-dev');
    expect(new Set(items.map((item) => item?.id)).size).toBe(20);
  });

  it('keeps the full text of a clamped comment and drops "Read more"', () => {
    loadPage('https://www.youtube.com/watch?v=Dr1ftW00d10');
    const priya = extractAll(adapter).find((item) => item?.sender === '@priyashah');
    expect(priya?.text).toMatch(/Otherwise this video sold it perfectly, thanks for the clear walkthrough\.$/);
  });

  it('reads live chat: element id, @handle from the chip, emoji by alt text', () => {
    loadPage('https://www.youtube.com/live_chat?is_popout=1&v=Dr1ftLive01');
    const items = extractAll(adapter);
    expect(items).toHaveLength(12);
    expect(items[1]).toEqual({
      id: 'ChwKGkNMYlJ3X2pVX280Q0ZSZ3JBd0Fk0001',
      sender: '@giftdrop_bot',
      senderName: '@giftdrop_bot',
      text: 'Free gift card at bit.ly/gift-4u, claim it before the stream ends 🎁',
    });
    // A stub lines up with the chat row's padded content; comments keep theirs at the edge.
    const chatItem = document.querySelector('yt-live-chat-text-message-renderer');
    expect(chatItem && adapter.stubIndent?.(chatItem)).toBe(24);
    expect(adapter.stubIndent?.(document.createElement('ytd-comment-view-model'))).toBeUndefined();
  });

  it('reads a membership milestone in live chat with its own words', () => {
    loadPage('https://www.youtube.com/live_chat?is_popout=1&v=Dr1ftLive01');
    expect(extractAll(adapter)[6]).toEqual({
      id: 'ChwKGkNMYlJ3X2pVX280Q0ZSZ3JBd0Fk0006',
      sender: '@lucy_k',
      senderName: '@lucy_k',
      text: 'the conflict demo was really clear, thanks',
    });
  });

  it('pre-hide selector matches that sender only', () => {
    loadPage('https://www.youtube.com/watch?v=Dr1ftW00d10');
    expect(document.querySelectorAll(adapter.senderSelector?.('@quickgains-hub') ?? '')).toHaveLength(4);
  });

  it('pre-hide selector also matches legacy ytd-comment-renderer comments', () => {
    document.body.innerHTML = `<ytd-comment-thread-renderer><ytd-comment-renderer id="comment">
      <a id="author-text" href="/@quickgainshub"><span>@QuickGainsHub</span></a></ytd-comment-renderer></ytd-comment-thread-renderer>`;
    expect(document.querySelectorAll(adapter.senderSelector?.('@quickgainshub') ?? '')).toHaveLength(1);
  });
});
