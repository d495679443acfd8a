// @vitest-environment happy-dom

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import adapter from './disqus';
import { extractAll, fixturesDir, loadPage } from './test-page';

const pages = JSON.parse(fs.readFileSync(path.join(fixturesDir, 'pages.json'), 'utf8')) as Record<string, string>;
const embed = Object.keys(pages).find((url) => url.startsWith('https://disqus.com/embed/comments/')) ?? '';

describe('disqus adapter', () => {
  it('reads posts and replies inside the embed frame', () => {
    loadPage(embed);
    const items = extractAll(adapter);
    expect(items).toHaveLength(20);
    expect(items.every(Boolean)).toBe(true);
    expect(items[0]).toEqual({
      id: '6123456789',
      sender: 'mayaokafor',
      senderName: 'Maya Okafor',
      text: 'Nice to see an article about a notes app that explains the sync model instead of just listing features. More of this, please.',
      permalink: 'https://www.technewsdaily.example/2026/11/driftwood-notes-1-0#comment-6123456789',
      time: expect.any(Number),
    });
    expect(items[0]?.text).not.toContain('The paragraph on logical clocks');
  });

  it('keeps guests apart from profiles', () => {
    loadPage(embed);
    const items = extractAll(adapter);
    expect(items.find((item) => item?.senderName === 'Olek Pawlak')?.sender).toBe('guest:Olek Pawlak');
    // A profile known only by its disqus.com/by/<username>/ link (no data-username) is no guest (sites.md §13).
    expect(items.find((item) => item?.senderName === 'Tomasz Kowal')?.sender).toBe('tkowaldev');
  });

  // happy-dom evaluates `:has()` with inner combinators wrongly; the match count is checked in e2e.
  it('pre-hide selector is valid CSS', () => {
    loadPage(embed);
    expect(() => document.querySelectorAll(adapter.senderSelector?.('quickgainshub') ?? '')).not.toThrow();
  });
});
