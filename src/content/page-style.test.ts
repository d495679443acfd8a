// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { PageState } from '../shared/views';
import bluesky from './adapters/bluesky';
import { adapters } from './adapters/index';
import { cssString } from './adapters/readers';
import { holdUntilState, pendingCapMs, prehideCss, releaseHold, updatePageStyle } from './page-style';
import { pageCss } from './styles';
import { hostileSenders, testAdapter, testState } from './test-messages';

const state = (senders: string[]): PageState => ({
  ...testState,
  mutedAction: 'hide',
  mutes: senders.map((sender) => ({ sender, scope: 'all' })),
});

describe('pre-hide stylesheet', () => {
  it('escapes values as CSS strings: quotes, backslashes and control characters never end the string', () => {
    expect(cssString('plain')).toBe('"plain"');
    expect(cssString('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(cssString('line\nbreak\u0000')).toBe('"line\\a break\uFFFD"');
  });

  it('puts a Bluesky handle into its selector only as an escaped string', () => {
    const selector = bluesky.senderSelector?.('a"],p,[x="') ?? '';
    expect(selector).toContain('[data-testid="feedItem-by-a\\"],p,[x=\\"" i]');
    expect(selector).not.toContain('"a"]');
  });

  it('writes one line per muted sender for every adapter, with no raw control character', () => {
    for (const adapter of adapters) {
      if (!adapter.senderSelector) continue;
      const css = prehideCss(adapter, state(hostileSenders));
      const lines = css.split('\n');
      expect(lines, adapter.id).toHaveLength(1 + hostileSenders.length);
      expect(lines[0]).toBe(pageCss);
      expect(css.replace(/\n/g, ''), adapter.id).not.toMatch(/\p{Cc}/u);
    }
  });
});

describe('messages held until the page state arrives', () => {
  const style = () => document.getElementById('uncanned-page-style')?.textContent;
  const held = ':is(div.message){visibility:hidden!important}';

  it('keeps them unpainted until the state comes, which brings the pre-hide rules instead', () => {
    holdUntilState(document, [testAdapter]);
    expect(style()).toContain(held);
    updatePageStyle(
      document,
      { ...testAdapter, senderSelector: (sender) => `[data-sender="${sender}"]` },
      state(['x']),
    );
    expect(style()).not.toContain(held);
    expect(style()).toContain('[data-sender="x"]');
  });

  it('lets them paint after a while when the background never answers', () => {
    vi.useFakeTimers();
    try {
      holdUntilState(document, [testAdapter]);
      vi.advanceTimersByTime(pendingCapMs - 1);
      expect(style()).toContain(held);
      vi.advanceTimersByTime(1);
      expect(style()).not.toContain(held);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps holding them for the first verdicts when canned messages are collapsed or hidden', () => {
    holdUntilState(document, [testAdapter]);
    updatePageStyle(document, testAdapter, { ...testState, cannedAction: 'collapse' });
    expect(style()).toContain(held);
    releaseHold(document);
    expect(style()).not.toContain(held);
  });
});
