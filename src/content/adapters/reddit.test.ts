// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import adapter from './reddit';
import { extractAll, loadPage } from './test-page';

const path = '/r/productivity/comments/1h2k3m4/driftwood_10_an_offlinefirst_notes_app_with/';

describe('reddit adapter', () => {
  it.each([
    ['new', `https://www.reddit.com${path}`, 'https://www.reddit.com/r/productivity/comments/1h2k3m4/comment/'],
    ['old', `https://old.reddit.com${path}`, `https://old.reddit.com${path}`],
  ])('reads %s Reddit comments and nested replies as separate items', (_layout, url, permalinkPrefix) => {
    loadPage(url);
    const items = extractAll(adapter);
    expect(items).toHaveLength(21);
    expect(items.slice(0, 20).every(Boolean)).toBe(true);
    expect(items[20]).toBeUndefined(); // author "[deleted]": any deleted account, no sender id (skipped)
    expect(items[0]).toMatchObject({
      id: 't1_lx0076d',
      sender: 'maya_okafor',
      senderName: 'Maya_Okafor',
      text: 'Honest question: what does this do better than Apple Notes for someone who only owns Apple devices?',
      time: Date.parse('2026-11-24T15:00:00Z'),
    });
    expect(items[0]?.permalink?.startsWith(permalinkPrefix)).toBe(true);
    // A reply's text is its own, not its parent's plus its own.
    expect(items[1]).toMatchObject({
      sender: 'tkowal_dev',
      text: 'If you only use Apple stuff, probably not much. It shines once a Windows or Linux machine enters the picture.',
    });
    expect(items[0]?.text).not.toContain('If you only use Apple stuff, probably not much');
    expect(items.find((item) => item?.sender === 'priyashah')?.text.split('\n')).toHaveLength(3);
  });

  // happy-dom ignores the selector's `i` flag, so this passes the displayed case; browsers match any case (e2e).
  it('pre-hide selector matches the sender in both layouts', () => {
    loadPage(`https://www.reddit.com${path}`);
    expect(document.querySelectorAll(adapter.senderSelector?.('Quickgains_Hub') ?? '')).toHaveLength(4);
    loadPage(`https://old.reddit.com${path}`);
    expect(document.querySelectorAll(adapter.senderSelector?.('Quickgains_Hub') ?? '')).toHaveLength(4);
  });
});
