import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createEngine } from '../core';
import { type Background, browserModuleMock, contentScript, startBackground, texts } from './testing/harness';

vi.mock('../shared/browser', () => browserModuleMock());

let bg: Background;
beforeEach(async () => {
  bg = await startBackground();
});

const item = (id: string, sender: string, text = texts.promo) => ({ id, sender, text });
const classify = (items: ReturnType<typeof item>[], site = 'x') =>
  bg.send('classify', { site, url: 'https://x.com/home', items }, contentScript());

describe('classify', () => {
  it('flags the second near-identical copy from one sender', async () => {
    const [first, other, second] = await classify([
      item('1', 'spammer'),
      item('2', 'spammer', texts.other),
      item('3', 'spammer', `${texts.promo}!!`),
    ]);
    expect(first).toMatchObject({ id: '1', canned: false, senderCount: 1 });
    expect(other).toMatchObject({ canned: false });
    expect(second).toMatchObject({ id: '3', canned: true, reason: 'repeat-sender', senderCount: 2 });
    expect(second?.clusterId).toBe(first?.clusterId);
  });

  it('answers a re-render or reload with the stored verdict and never counts it again', async () => {
    const before = await classify([item('1', 'spammer'), item('2', 'spammer')]);
    const again = await classify([item('2', 'spammer'), item('1', 'spammer'), item('2', 'spammer')]);
    expect(again).toEqual([before[1], before[0], before[1]]);
    expect(await bg.send('getStatus', {})).toMatchObject({ messages: 2, senders: 1 });
    const third = await classify([item('3', 'spammer')]);
    expect(third[0]).toMatchObject({ senderCount: 3, canned: true });
  });

  it('flags a text shared by many senders as a template', async () => {
    const verdicts = await classify([item('1', 'a'), item('2', 'b'), item('3', 'c')]);
    expect(verdicts[2]).toMatchObject({ canned: true, reason: 'template', templateSenders: 3 });
  });

  it('keeps sites apart: the same id on another site is another message', async () => {
    await classify([item('1', 'spammer')], 'x');
    await classify([item('1', 'spammer')], 'reddit');
    expect(await bg.send('getStatus', {})).toMatchObject({ messages: 2, senders: 2 });
  });

  it('never flags senders in neverFlag, nor after "not canned" feedback', async () => {
    await bg.send('updateSettings', { settings: { neverFlag: ['x:friend'] } });
    const [, friend] = await classify([item('1', 'friend'), item('2', 'friend')]);
    expect(friend?.canned).toBe(false);
    const [, spam] = await classify([item('3', 'spammer'), item('4', 'spammer')]);
    expect(spam?.canned).toBe(true);
    await bg.send('markNotCanned', { target: { kind: 'sender', site: 'x', sender: 'spammer' } }, contentScript());
    expect((await classify([item('4', 'spammer')]))[0]?.canned).toBe(false);
    await bg.send('unmarkNotCanned', { target: { kind: 'sender', site: 'x', sender: 'spammer' } });
    expect((await classify([item('4', 'spammer')]))[0]).toMatchObject({ canned: true, reason: 'repeat-sender' });
  });

  it('does nothing on a paused site', async () => {
    await bg.send('setSitePaused', { site: 'x', paused: true });
    const verdicts = await classify([item('1', 'spammer'), item('2', 'spammer')]);
    expect(verdicts.map((verdict) => verdict.canned)).toEqual([false, false]);
    expect((await bg.send('getStatus', {})).messages).toBe(0);
  });

  it('loses no message when many tabs send batches at once', async () => {
    const batches = Array.from({ length: 12 }, (_, tab) =>
      Array.from({ length: 20 }, (_, index) => item(`${tab}-${index}`, `s${index % 4}`, `${texts.other} ${index}`)),
    );
    await Promise.all(
      batches.map((items, tab) =>
        bg.send(
          'classify',
          { site: 'x', url: 'https://x.com/', items: [...items, item('0-0', 's0')] },
          contentScript(tab),
        ),
      ),
    );
    expect(await bg.send('getStatus', {})).toMatchObject({ messages: 240, senders: 4 });
  });

  it('applies detection settings to the engine', async () => {
    await bg.send('updateSettings', { settings: { detection: { repeatThreshold: 3 } } });
    const verdicts = await classify([item('1', 'spammer'), item('2', 'spammer'), item('3', 'spammer')]);
    expect(verdicts.map((verdict) => verdict.canned)).toEqual([false, false, true]);
  });

  it('rejects a malformed batch with an error and stores nothing', async () => {
    const reply = await bg.reply(
      'classify',
      { site: 'x', url: 'u', items: [{ id: '', sender: 'a', text: 'b' }] },
      contentScript(),
    );
    expect(reply).toMatchObject({ ok: false, error: { name: 'RejectedMessageError' } });
    expect((await bg.send('getStatus', {})).messages).toBe(0);
  });

  it('looks the batch up when the engine misses a stored message: no duplicate, the stored verdict', async () => {
    const before = await classify([item('1', 'spammer'), item('2', 'spammer')]);
    const host = await bg.modules.engineHost.getEngineHost();
    host.engine = createEngine(); // disagrees with the history: it holds none of it
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const again = await classify([item('2', 'spammer'), item('3', 'spammer', texts.other)]);
    expect(again[0]).toEqual(before[1]);
    expect(await bg.send('getStatus', {})).toMatchObject({ messages: 3, senders: 1 });
  });
});
