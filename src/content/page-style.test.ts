// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { PageState } from '../shared/views';
import bluesky from './adapters/bluesky';
import { adapters } from './adapters/index';
import { cssString } from './adapters/readers';
import { prehideCss } from './page-style';
import { pageCss } from './styles';
import { hostileSenders, testState } from './test-messages';

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
