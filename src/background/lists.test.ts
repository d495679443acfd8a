import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type Background, browserModuleMock, contentScript, startBackground, texts } from './testing/harness';

vi.mock('../shared/browser', () => browserModuleMock());

let bg: Background;
beforeEach(async () => {
  bg = await startBackground();
});

const item = (id: string, sender: string, text = texts.promo, senderName?: string) => ({
  id,
  sender,
  text,
  senderName,
});
const classify = (items: ReturnType<typeof item>[]) =>
  bg.send('classify', { site: 'x', url: 'https://x.com/', items }, contentScript());

describe('repeat senders', () => {
  beforeEach(async () => {
    await classify([
      item('1', 'heavy', texts.promo, 'Heavy Hitter'),
      item('2', 'heavy', `${texts.promo} now`),
      item('3', 'heavy', `${texts.promo} today`),
      item('4', 'light', texts.third),
      item('5', 'light', texts.third),
      item('6', 'once', texts.other),
    ]);
  });

  it('ranks by count, leaves out one-off senders, and builds the template', async () => {
    const page = await bg.send('listRepeatSenders', { query: '', offset: 0, limit: 10 });
    expect(page.total).toBe(2);
    expect(page.items.map((row) => [row.sender, row.count])).toEqual([
      ['heavy', 3],
      ['light', 2],
    ]);
    expect(page.items[0]).toMatchObject({ senderName: 'Heavy Hitter', sites: ['x'], notCanned: false });
    expect(page.items[0]?.template.some((part) => part.kind === 'slot')).toBe(true);
  });

  it('searches name, handle and text, and pages', async () => {
    const byName = await bg.send('listRepeatSenders', { query: 'hitter', offset: 0, limit: 10 });
    expect(byName.items.map((row) => row.sender)).toEqual(['heavy']);
    const byText = await bg.send('listRepeatSenders', { query: 'CAMERA', offset: 0, limit: 10 });
    expect(byText.items.map((row) => row.sender)).toEqual(['light']);
    const second = await bg.send('listRepeatSenders', { query: '', offset: 1, limit: 1 });
    expect(second).toMatchObject({ total: 2, items: [{ sender: 'light' }] });
  });

  it("builds a row's text from its own cluster's copies, not the sender's other messages", async () => {
    await classify([item('7', 'light', `${texts.promo} again`), item('8', 'light', `${texts.promo} again!`)]);
    const page = await bg.send('listRepeatSenders', { query: 'light', offset: 0, limit: 10 });
    const rows = page.items.map((row) => ({
      sample: row.sampleText,
      words: row.template.map((part) => (part.kind === 'text' ? part.value : part.values.join('|'))).join(' '),
    }));
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.words.includes('camera')).toBe(row.sample.includes('camera'));
  });

  it('shows mutes on the rows', async () => {
    await bg.send('muteSender', { site: 'x', sender: 'light', scope: 'canned' }, contentScript());
    const page = await bg.send('listRepeatSenders', { query: 'light', offset: 0, limit: 10 });
    expect(page.items[0]?.mute).toEqual({ scope: 'canned' });
  });

  it("lists a sender's copies oldest first, each diffed against the first of its cluster", async () => {
    const copies = await bg.send('getSenderCopies', { site: 'x', sender: 'heavy' });
    expect(copies.map((copy) => copy.id)).toEqual(['1', '2', '3']);
    expect(copies.map((copy) => copy.seen)).toEqual([true, true, true]); // the page gave no times
    expect(copies[0]?.diff).toBeUndefined();
    expect(copies[1]?.diff).toContainEqual({ kind: 'added', value: 'now' });
  });

  it("explains a canned message with its sender's earlier copies", async () => {
    const copies = await bg.send('explainMessage', { site: 'x', id: '3' }, contentScript());
    expect(copies.map((copy) => copy.id)).toEqual(['1', '2', '3']);
    expect(copies.map((copy) => copy.seen)).toEqual([true, true, true]); // the page gave no times
    expect(await bg.send('explainMessage', { site: 'x', id: 'unknown' }, contentScript())).toEqual([]);
  });
});

describe('templates', () => {
  it('lists a shared text only from the template threshold in the settings', async () => {
    await classify([item('1', 'a', texts.promo), item('2', 'b', `${texts.promo} now`)]);
    expect((await bg.send('listTemplates', { query: '', offset: 0, limit: 10 })).total).toBe(0);
    await bg.send('updateSettings', { settings: { detection: { templateSenderThreshold: 2 } } });
    expect((await bg.send('listTemplates', { query: '', offset: 0, limit: 10 })).total).toBe(1);
  });

  it('lists texts shared by several senders with their senders and copies', async () => {
    const verdicts = await classify([
      item('1', 'a', texts.promo, 'Ann'),
      item('2', 'b', `${texts.promo} now`),
      item('3', 'c', `${texts.promo} please`),
      item('4', 'a', texts.other),
    ]);
    const page = await bg.send('listTemplates', { query: '', offset: 0, limit: 10 });
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ count: 3, senderCount: 3, sites: ['x'], clusterId: verdicts[0]?.clusterId });
    expect(page.items[0]?.senders.map((sender) => sender.sender).sort()).toEqual(['a', 'b', 'c']);
    expect((await bg.send('listTemplates', { query: 'ann', offset: 0, limit: 10 })).total).toBe(1);
    expect((await bg.send('listTemplates', { query: 'GIVEAWAY', offset: 0, limit: 10 })).total).toBe(1);
    expect((await bg.send('listTemplates', { query: 'nobody', offset: 0, limit: 10 })).total).toBe(0);
    const copies = await bg.send('getTemplateCopies', { clusterId: verdicts[0]?.clusterId ?? '' });
    expect(copies.map((copy) => copy.sender)).toEqual(['a', 'b', 'c']);
    expect(copies[2]?.diff).toContainEqual({ kind: 'added', value: 'please' });
  });
});

describe('in-page strings', () => {
  it('answers a content script with the locale templates, placeholders kept, unknown keys left out', async () => {
    const strings = await bg.send(
      'getStrings',
      { keys: ['chipRepeat', 'explainRepeat', 'show', 'noSuchKey'] },
      contentScript(),
    );
    expect(strings).toEqual({
      chipRepeat: 'Canned ×$1',
      explainRepeat: '$1 sent this text $2 times. Other copies:',
      show: 'Show',
    });
  });
});
