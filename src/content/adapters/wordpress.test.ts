// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractAll, loadPage } from './test-page';
import adapter from './wordpress';

const url = 'https://www.notesandtools.blog/2026/11/driftwood-1-0-review/';

describe('wordpress adapter', () => {
  it('is recognised by core comment markup on any host', () => {
    loadPage(url);
    expect(adapter.hosts).toEqual([]);
    expect(adapter.detect?.(document)).toBe(true);
    document.body.innerHTML = '<ol class="comment-list"><li>not WordPress</li></ol>';
    expect(adapter.detect?.(document)).toBe(false);
  });

  it('reads comment bodies (not their replies) with nicename or Gravatar ids', () => {
    loadPage(url);
    const items = extractAll(adapter);
    expect(items).toHaveLength(20);
    expect(items.every(Boolean)).toBe(true);
    expect(items[0]).toEqual({
      id: 'www.notesandtools.blog/comment-1040',
      sender: expect.stringMatching(/^gravatar:[0-9a-f]{32}$/),
      senderName: 'Maya Okafor',
      text: 'Thanks for the honest review. I appreciate that you listed what still annoys you instead of only praising it.',
      permalink: 'https://www.notesandtools.blog/2026/11/driftwood-1-0-review/#comment-1040',
      time: Date.parse('2026-11-24T15:00:00Z'),
    });
    expect(items[2]).toMatchObject({ sender: 'driftwood', senderName: 'Driftwood' }); // registered: nicename
    expect(items[0]?.text).not.toContain('Most reviews of notes apps read like press releases');
    expect(items.find((item) => item?.senderName === 'Priya Shah')?.text.split('\n')).toHaveLength(3);
  });

  it('pre-hide selector matches a guest by Gravatar hash', () => {
    loadPage(url);
    const quick = extractAll(adapter).find((item) => item?.senderName === 'Quick Gains Hub');
    expect(document.querySelectorAll(adapter.senderSelector?.(quick?.sender ?? '') ?? '')).toHaveLength(4);
  });
});
