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
      text: 'I can reproduce this on 1.0.0 with one Linux and one macOS machine. It only happens when both were offline during the upgrade.',
      permalink: 'https://github.com/driftwood-notes/driftwood/issues/412#issuecomment-2508811300',
      time: Date.parse('2026-11-24T15:00:00.000Z'),
    });
    expect(items[1]?.text).toBe(
      'Same setup here. Downgrading the Linux machine to 0.9.8 made the duplicates stop, so it looks like a migration problem.',
    ); // quote dropped
  });

  it('reads a GitHub App by its /apps/ login (its avatar has no /u/ id)', () => {
    loadPage('https://github.com/driftwood-notes/driftwood/issues/412');
    const items = extractAll(adapter);
    expect(items.find((item) => item?.senderName === 'mark-trades77')).toMatchObject({
      sender: 'apps/mark-trades77',
      text: 'Wow this changed my life! Message @fxmentor_claire on Telegram to learn how I earn daily 💸💸',
    });
    expect(document.querySelectorAll(adapter.senderSelector?.('apps/mark-trades77') ?? '')).toHaveLength(1);
  });

  it('pre-hide selector matches that user id', () => {
    loadPage('https://github.com/driftwood-notes/driftwood/issues/412');
    expect(document.querySelectorAll(adapter.senderSelector?.(String(5529310 * 7)) ?? '')).toHaveLength(4);
  });

  it('pre-hide selector also matches classic timeline comments (pull requests)', () => {
    // As public extensions (Refined GitHub) see it: the avatar beside the comment, the container around both.
    document.body.innerHTML = `<div class="TimelineItem js-comment-container">
      <div class="TimelineItem-avatar"><img class="avatar" src="https://avatars.githubusercontent.com/u/38707170?s=80"></div>
      <div class="timeline-comment-group"><div class="timeline-comment" id="issuecomment-1"><div class="timeline-comment-header">
      <a class="author" href="/mark-trades77">Mark-Trades77</a></div>
      <div class="comment-body markdown-body"><p>Buy now</p></div></div></div></div>`;
    expect(extractAll(adapter)).toMatchObject([{ id: 'issuecomment-1', sender: '38707170', text: 'Buy now' }]);
    expect(document.querySelectorAll(adapter.senderSelector?.('mark-trades77') ?? '')).toHaveLength(1);
    expect(document.querySelectorAll(adapter.senderSelector?.('38707170') ?? '')).toHaveLength(1);
  });
});
