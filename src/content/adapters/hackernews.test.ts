// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import adapter from './hackernews';
import { extractAll, loadPage } from './test-page';

describe('hackernews adapter', () => {
  it('reads every comment row of an item page, replies included', () => {
    loadPage('https://news.ycombinator.com/item?id=42187654');
    const items = extractAll(adapter);
    expect(items).toHaveLength(20);
    expect(items.every(Boolean)).toBe(true);
    expect(items[0]).toEqual({
      id: '42187694',
      sender: 'maya_okafor',
      senderName: 'maya_okafor',
      text: 'How do you handle clock skew between devices? Last-writer-wins on wall clocks bit me badly in a previous project.',
      permalink: 'https://news.ycombinator.com/item?id=42187694',
      time: Date.parse('2026-11-24T15:00:00Z'),
    });
  });

  it('reads green new-user names, paragraphs and the reply link stays out of the text', () => {
    loadPage('https://news.ycombinator.com/item?id=42187654');
    const items = extractAll(adapter);
    const quick = items.filter((item) => item?.sender === 'quickgains_hub');
    expect(quick).toHaveLength(4);
    const long = items.find((item) => item?.sender === 'priyashah');
    expect(long?.text.split('\n')).toHaveLength(3);
    expect(items.some((item) => item?.text.includes('reply'))).toBe(false);
  });

  it('pre-hide selector matches exactly that sender', () => {
    loadPage('https://news.ycombinator.com/item?id=42187654');
    expect(document.querySelectorAll(adapter.senderSelector?.('quickgains_hub') ?? '')).toHaveLength(4);
  });

  it("gives a reply's stub the indent of its depth", () => {
    loadPage('https://news.ycombinator.com/item?id=42187654');
    const rows = [...document.querySelectorAll('tr.athing.comtr')];
    const depths = rows.map((row) => adapter.stubIndent?.(row));
    expect(depths).toContain(40);
    expect(depths[0]).toBeUndefined(); // top level: spacer width 0
  });
});
