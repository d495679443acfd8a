import { describe, expect, test } from 'vitest';
import type { ObservedMessage } from './api';
import { createEngine, defaultEngineConfig } from './index';

const LONG = 'Check out my channel for awesome music videos every week';
let counter = 0;
const msg = (sender: string, text: string, extra: Partial<ObservedMessage> = {}): ObservedMessage => ({
  id: `m${++counter}`,
  site: 'yt',
  sender,
  text,
  time: 1000 + counter,
  ...extra,
});

describe('verdict rules', () => {
  test('repeat sender from the second near-identical message', () => {
    const engine = createEngine();
    expect(engine.observe(msg('guru', LONG)).canned).toBe(false);
    const second = engine.observe(msg('guru', `${LONG}!!`));
    expect(second).toMatchObject({ canned: true, reason: 'repeat-sender', senderCount: 2, templateSenders: 1 });
    expect(engine.observe(msg('guru', LONG.toUpperCase()))).toMatchObject({ senderCount: 3, similarity: 1 });
  });

  test('template at three distinct senders, with stable cluster and match ids', () => {
    const engine = createEngine();
    const first = engine.observe(msg('a', LONG));
    const second = engine.observe(msg('b', LONG));
    const third = engine.observe(msg('c', `${LONG} :)`));
    expect(second).toMatchObject({ canned: false, templateSenders: 2, matchIds: [first.id] });
    expect(third).toMatchObject({ canned: true, reason: 'template', templateSenders: 3, clusterId: first.clusterId });
    expect(third.matchIds[0]).toBe(second.id);
  });

  test('a repeat that is also a template is reported as repeat-sender', () => {
    const engine = createEngine();
    for (const sender of ['a', 'b', 'c']) engine.observe(msg(sender, LONG));
    expect(engine.observe(msg('a', LONG))).toMatchObject({
      reason: 'repeat-sender',
      senderCount: 2,
      templateSenders: 3,
    });
  });

  test('different texts are not matched', () => {
    const engine = createEngine();
    engine.observe(msg('a', LONG));
    const other = engine.observe(msg('a', 'The treaty of Versailles was signed in June 1919 in France'));
    expect(other).toMatchObject({ canned: false, senderCount: 1, similarity: 0, matchIds: [] });
  });

  test('short messages are never flagged without a link', () => {
    const engine = createEngine();
    for (const sender of ['a', 'a', 'b', 'c', 'd']) {
      expect(engine.observe(msg(sender, 'love this song')).canned).toBe(false);
    }
  });

  test('short messages with a link need the same full link to repeat', () => {
    const engine = createEngine();
    engine.observe(msg('s', 'watch https://youtu.be/aaa'));
    expect(engine.observe(msg('s', 'watch https://youtu.be/bbb')).canned).toBe(false);
    expect(engine.observe(msg('s', 'watch https://youtu.be/aaa'))).toMatchObject({ canned: true, senderCount: 2 });
  });

  test('thresholds are configurable', () => {
    const engine = createEngine({ repeatThreshold: 3, templateSenderThreshold: 2, minWords: 2 });
    engine.observe(msg('a', 'hello there friend'));
    expect(engine.observe(msg('b', 'hello there friend'))).toMatchObject({ canned: true, reason: 'template' });
    expect(engine.observe(msg('a', 'hello there friend'))).toMatchObject({ reason: 'template', senderCount: 2 });
    expect(engine.observe(msg('a', 'hello there friend'))).toMatchObject({ reason: 'repeat-sender', senderCount: 3 });
    expect(() => createEngine({ similarityThreshold: 0 })).toThrow(RangeError);
    expect(defaultEngineConfig).toMatchObject({
      repeatThreshold: 2,
      similarityThreshold: 0.8,
      templateSenderThreshold: 3,
    });
  });
});

describe('idempotence and stability', () => {
  test('re-observing an id returns the first verdict and does not count', () => {
    const engine = createEngine();
    const first = engine.observe({ id: 'x', site: 'yt', sender: 'a', text: LONG });
    const again = engine.observe({ id: 'x', site: 'yt', sender: 'a', text: LONG });
    expect(again).toEqual(first);
    expect(engine.size).toBe(1);
    const second = engine.observe({ id: 'y', site: 'yt', sender: 'a', text: LONG });
    expect(engine.observe({ id: 'y', site: 'yt', sender: 'a', text: 'changed text' })).toEqual(second);
    expect(engine.observe({ id: 'x', site: 'other', sender: 'a', text: LONG }).id).toBe('x');
    expect(engine.size).toBe(3);
  });

  test('cluster ids never change once given', () => {
    const engine = createEngine();
    const ids = ['a', 'b', 'c', 'd'].map((sender) => engine.observe(msg(sender, LONG)));
    engine.observe(msg('e', 'Something else entirely with many more words here'));
    engine.pruneBefore(ids[1]?.id ? 1000 + counter - 3 : 0);
    const later = engine.observe(msg('f', LONG));
    expect(later.clusterId).toBe(ids[0]?.clusterId);
  });
});

describe('feedback, forgetting, pruning', () => {
  test('"not canned" for a sender or a cluster suppresses its flags, and can be removed', () => {
    const engine = createEngine();
    engine.observe(msg('a', LONG));
    const flagged = engine.observe(msg('a', LONG));
    engine.addFeedback({ kind: 'sender', site: 'yt', sender: 'a' });
    expect(engine.observe(msg('a', LONG))).toMatchObject({ canned: false, reason: null, suppressed: true });
    expect(engine.observe({ ...msg('a', LONG), id: flagged.id })).toMatchObject({ canned: false, suppressed: true });
    engine.removeFeedback({ kind: 'sender', site: 'yt', sender: 'a' });
    engine.addFeedback({ kind: 'cluster', clusterId: flagged.clusterId });
    expect(engine.observe(msg('b', LONG))).toMatchObject({ canned: false, suppressed: false, templateSenders: 2 });
    expect(engine.observe(msg('c', LONG))).toMatchObject({ canned: false, suppressed: true, templateSenders: 3 });
    engine.removeFeedback({ kind: 'cluster', clusterId: flagged.clusterId });
    expect(engine.observe(msg('d', LONG))).toMatchObject({ canned: true, suppressed: false });
  });

  test('forgetSender removes the sender from history and counts', () => {
    const engine = createEngine();
    engine.observe(msg('a', LONG));
    engine.observe(msg('a', LONG));
    engine.observe(msg('b', LONG));
    engine.forgetSender('yt', 'a');
    expect(engine.size).toBe(1);
    expect(engine.observe(msg('a', LONG))).toMatchObject({ canned: false, senderCount: 1, templateSenders: 2 });
  });

  test('pruneBefore and pruneToCount drop the oldest messages', () => {
    const engine = createEngine();
    for (let i = 0; i < 10; i++)
      engine.observe({ id: `p${i}`, site: 'yt', sender: `s${i}`, text: `${LONG} ${i}`, time: i });
    expect(engine.pruneBefore(3)).toBe(3);
    expect(engine.size).toBe(7);
    expect(engine.pruneToCount(4)).toBe(3);
    expect(engine.pruneToCount(10)).toBe(0);
    expect(engine.size).toBe(4);
    const verdict = engine.observe({ id: 'new', site: 'yt', sender: 'z', text: `${LONG} 9`, time: 20 });
    expect(verdict.templateSenders).toBe(5);
    expect(engine.observe({ id: 'p0', site: 'yt', sender: 's0', text: LONG, time: 21 }).id).toBe('p0');
    expect(engine.size).toBe(6);
  });

  test('has() tells which (site, id) the history holds, through prunes and restores', () => {
    const engine = createEngine();
    engine.observe({ id: 'h1', site: 'yt', sender: 'a', text: LONG, time: 1 });
    engine.observe({ id: 'h2', site: 'yt', sender: 'a', text: LONG, time: 2 });
    expect([engine.has('yt', 'h1'), engine.has('x', 'h1'), engine.has('yt', 'h3')]).toEqual([true, false, false]);
    expect(engine.pruneBefore(1)).toBe(0);
    expect(engine.pruneBefore(2)).toBe(1);
    const restored = createEngine({}, structuredClone(engine.snapshot()));
    expect([restored.has('yt', 'h1'), restored.has('yt', 'h2')]).toEqual([false, true]);
  });
});
