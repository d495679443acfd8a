import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type Background, browserModuleMock, contentScript, startBackground, texts } from './testing/harness';

vi.mock('../shared/browser', () => browserModuleMock());

let bg: Background;
beforeEach(async () => {
  bg = await startBackground();
});

const item = (id: string, sender: string, text = texts.promo) => ({ id, sender, text });
const classify = (items: ReturnType<typeof item>[]) =>
  bg.send('classify', { site: 'x', url: 'https://x.com/home', items }, contentScript());
const host = () => bg.modules.engineHost.getEngineHost();
const repeatRows = async () =>
  (await bg.send('listRepeatSenders', { query: '', offset: 0, limit: 10 })).items.map((row) => [row.sender, row.count]);
const storedTexts = async () => (await (await host()).db.getAll('messages')).map((record) => [record.id, record.text]);

describe('a message whose text changed under the same id', () => {
  it('is judged again by its new text and no longer counts as a copy of its old one', async () => {
    await classify([item('1', 'spammer'), item('2', 'spammer')]);
    expect(await repeatRows()).toEqual([['spammer', 2]]);
    const [edited] = await classify([item('2', 'spammer', texts.other)]);
    expect(edited).toMatchObject({ id: '2', canned: false, senderCount: 1 });
    expect(await storedTexts()).toEqual([
      ['1', texts.promo],
      ['2', texts.other],
    ]);
    expect(await repeatRows()).toEqual([]);
    expect(await bg.send('getStatus', {})).toMatchObject({ messages: 2, senders: 1 });
    // Read again with its new text: the stored verdict, nothing replaced twice.
    expect((await classify([item('2', 'spammer', texts.other)]))[0]).toEqual(edited);
    expect((await classify([item('3', 'spammer')]))[0]).toMatchObject({ canned: true, senderCount: 2 });
  });

  it('joins the flood it was edited into', async () => {
    await classify([item('1', 'a'), item('2', 'b'), item('3', 'c', texts.third)]);
    expect((await classify([item('3', 'c')]))[0]).toMatchObject({
      canned: true,
      reason: 'template',
      templateSenders: 3,
    });
  });

  it('keeps its fuller text when a page shows it cut', async () => {
    const [first] = await classify([item('1', 'a', texts.other)]);
    const cut = `${texts.other.slice(0, 30)}…`;
    expect((await classify([item('1', 'a', cut)]))[0]).toEqual(first);
    expect(await storedTexts()).toEqual([['1', texts.other]]);
  });

  it('stays replaced when the worker restarts from a snapshot saved before the edit', async () => {
    await classify([item('1', 'spammer'), item('2', 'spammer')]);
    await bg.modules.engineHost.saveEngineSnapshot(await host());
    await classify([item('2', 'spammer', texts.other)]);
    await bg.restart();
    expect((await host()).engine.size).toBe(2);
    expect((await classify([item('2', 'spammer', texts.other)]))[0]).toMatchObject({ canned: false });
    expect((await classify([item('3', 'spammer')]))[0]).toMatchObject({ senderCount: 2 });
  });

  it('keeps its first text when the old one cannot be deleted, also in the next worker', async () => {
    await classify([item('1', 'spammer'), item('2', 'spammer')]);
    await bg.modules.engineHost.saveEngineSnapshot(await host());
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(IDBObjectStore.prototype, 'delete').mockImplementation(() => {
      throw new DOMException('disk', 'UnknownError');
    });
    const [kept] = await classify([item('2', 'spammer', texts.other)]);
    vi.restoreAllMocks();
    expect(kept).toMatchObject({ canned: true, senderCount: 2 });
    expect(await storedTexts()).toEqual([
      ['1', texts.promo],
      ['2', texts.promo],
    ]);
    expect((await host()).engine.size).toBe(2);
    // No journal entry of a removal that did not happen: the restored engine still holds both copies.
    await bg.restart();
    expect((await host()).engine.size).toBe(2);
    expect((await classify([item('3', 'spammer')]))[0]).toMatchObject({ senderCount: 3 });
  });

  it('takes the last text when a batch holds the same id twice', async () => {
    await classify([item('1', 'a', texts.other)]);
    const verdicts = await classify([item('1', 'a', texts.third), item('1', 'a', texts.promo)]);
    expect(verdicts[0]).toEqual(verdicts[1]);
    expect(await storedTexts()).toEqual([['1', texts.promo]]);
  });

  it('keeps the first message when another sender comes under its id (a colliding id, not an edit)', async () => {
    await classify([item('1', 'a', texts.other)]);
    await classify([item('1', 'b', texts.promo)]);
    expect(await storedTexts()).toEqual([['1', texts.other]]);
  });
});
