import { describe, expect, it } from 'vitest';
import type { ItemVerdict, PageState } from '../shared/views';
import { decide, nextMuteExpiry } from './decide';
import { testState } from './test-messages';

const state = (patch: Partial<PageState> = {}): PageState => ({ ...testState, site: 'x', ...patch });
const data = { id: '1', sender: 'bot', text: 'buy now buy now' };
const verdict = (canned: boolean): ItemVerdict => ({
  id: '1',
  canned,
  reason: canned ? 'repeat-sender' : null,
  senderCount: canned ? 3 : 1,
  templateSenders: 1,
  clusterId: 'c1',
  similarity: 1,
});
const none = { revealed: new Set<string>() };

describe('decide', () => {
  it('leaves unjudged messages alone and flags canned ones in place by default', () => {
    expect(decide(state(), data, undefined, none)).toEqual({ judged: undefined });
    expect(decide(state(), data, verdict(false), none)).toEqual({ judged: 'clean' });
    expect(decide(state(), data, verdict(true), none)).toEqual({ judged: 'canned' });
  });

  it('collapses or hides canned messages per cannedAction', () => {
    expect(decide(state({ cannedAction: 'collapse' }), data, verdict(true), none)).toMatchObject({
      hidden: 'canned',
      mode: 'collapse',
    });
    expect(decide(state({ cannedAction: 'hide' }), data, verdict(true), none)).toMatchObject({
      hidden: 'canned',
      mode: 'hide',
    });
  });

  it('hides every message of a sender muted with scope all, before any verdict', () => {
    const muted = state({ mutes: [{ sender: 'bot', scope: 'all' }], mutedAction: 'hide' });
    expect(decide(muted, data, undefined, none)).toEqual({ judged: undefined, hidden: 'muted', mode: 'hide' });
    expect(decide(muted, data, verdict(false), none)).toMatchObject({ judged: 'clean', hidden: 'muted' });
  });

  it("a 'canned' mute hides only canned messages; expired mutes and other senders do nothing", () => {
    const cannedOnly = state({ mutes: [{ sender: 'bot', scope: 'canned' }] });
    expect(decide(cannedOnly, data, verdict(false), none).hidden).toBeUndefined();
    expect(decide(cannedOnly, data, verdict(true), none).hidden).toBe('muted');
    const expired = state({ mutes: [{ sender: 'bot', scope: 'all', until: Date.now() - 1 }] });
    expect(decide(expired, data, verdict(false), none).hidden).toBeUndefined();
    expect(decide(state({ mutes: [{ sender: 'other', scope: 'all' }] }), data, undefined, none).hidden).toBeUndefined();
  });

  it('"not canned" by sender or cluster wins over the verdict; "Show" wins over hiding', () => {
    expect(decide(state({ notCannedSenders: ['bot'] }), data, verdict(true), none).judged).toBe('clean');
    expect(decide(state({ notCannedClusters: ['c1'] }), data, verdict(true), none).judged).toBe('clean');
    const muted = state({ mutes: [{ sender: 'bot', scope: 'all' }] });
    expect(decide(muted, data, verdict(true), { revealed: new Set(['1']) })).toEqual({
      judged: 'canned',
      revealed: true,
    });
  });
});

describe('nextMuteExpiry', () => {
  it('is the earliest timed mute still running, or none', () => {
    const mutes = [
      { sender: 'a', scope: 'all' as const, until: 5_000 },
      { sender: 'b', scope: 'all' as const },
      { sender: 'c', scope: 'canned' as const, until: 3_000 },
      { sender: 'd', scope: 'all' as const, until: 1_000 }, // already over
    ];
    expect(nextMuteExpiry(state({ mutes }), 2_000)).toBe(3_000);
    expect(nextMuteExpiry(state({ mutes }), 4_000)).toBe(5_000);
    expect(nextMuteExpiry(state({ mutes }), 6_000)).toBeUndefined();
    expect(nextMuteExpiry(state(), 0)).toBeUndefined();
  });
});
