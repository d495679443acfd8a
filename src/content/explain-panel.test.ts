// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { ItemVerdict, MessageCopy } from '../shared/views';

vi.mock('../shared/browser', () => ({ browser: { i18n: { getMessage: () => '' } } }));
const { fillPanel } = await import('./explain-panel');

const verdict: ItemVerdict = {
  id: 'c',
  canned: true,
  reason: 'repeat-sender',
  senderCount: 3,
  templateSenders: 1,
  clusterId: 'k',
  similarity: 1,
};
const copy = (id: string, text: string, diff?: MessageCopy['diff']): MessageCopy => ({
  site: 'youtube',
  sender: '@bot',
  id,
  text,
  time: 0,
  clusterId: 'k',
  ...(diff && { diff }),
});

describe('explanation panel', () => {
  it('marks words that differ from the first copy, as text (never markup)', () => {
    const panel = document.createElement('div');
    const copies = [
      copy('a', 'I made $4,800 <b>today</b>'),
      copy('c', 'I made $5,200 <b>today</b>', [
        { kind: 'same', value: 'I made' },
        { kind: 'removed', value: '$4,800' },
        { kind: 'added', value: '$5,200' },
        { kind: 'same', value: '<b>today</b>' },
      ]),
    ];
    fillPanel(document, panel, { id: 'c', sender: '@bot', text: '' }, verdict, copies);
    expect(panel.querySelectorAll('li')).toHaveLength(1);
    expect(panel.querySelector('.this-one mark.added')?.textContent).toBe('$5,200');
    expect(panel.querySelector('.this-one s.removed')?.textContent).toBe('$4,800');
    expect(panel.querySelector('b')).toBeNull();
    expect(panel.querySelector('.this-one .text')?.textContent).toBe('I made $4,800 $5,200 <b>today</b>');
    expect(panel.querySelector('.legend')).not.toBeNull();
  });

  it('shows no comparison or legend when the copies are identical', () => {
    const panel = document.createElement('div');
    const same = [{ kind: 'same', value: 'hello there' }] as const;
    const copies = [copy('a', 'hello there'), copy('c', 'hello there', [...same])];
    fillPanel(document, panel, { id: 'c', sender: '@bot', text: '' }, verdict, copies);
    expect(panel.querySelector('.this-one')).toBeNull();
    expect(panel.querySelector('.legend')).toBeNull();
  });

  it('names the link by its host and says when a time is only when the copy was read', () => {
    const panel = document.createElement('div');
    const first: MessageCopy = {
      ...copy('a', 'same words'),
      permalink: 'https://www.youtube.com/watch?v=v&lc=a',
      seen: true,
    };
    const posted: MessageCopy = { ...copy('b', 'same words'), site: 'x', permalink: 'https://x.com/bot/status/1' };
    fillPanel(document, panel, { id: 'c', sender: '@bot', text: '' }, verdict, [first, posted]);
    const [seen, dated] = [...panel.querySelectorAll('li')];
    expect([...(seen?.querySelectorAll('a') ?? [])].map((link) => link.textContent)).toEqual(['youtube.com']);
    expect(dated?.querySelector('a')?.textContent).toBe('x.com');
    expect(seen?.querySelector('.when')?.textContent).toMatch(/^ · seen /);
    expect(dated?.querySelector('.when')?.textContent).not.toMatch(/seen/);
  });

  it('lists a copy whose link the URL parser rejects, without a link', () => {
    const panel = document.createElement('div');
    const broken: MessageCopy = { ...copy('a', 'same words'), permalink: `https://${'a'.repeat(2035)}.xn--` };
    fillPanel(document, panel, { id: 'c', sender: '@bot', text: '' }, verdict, [broken, copy('b', 'same words')]);
    expect(panel.querySelectorAll('li')).toHaveLength(2);
    expect(panel.querySelector('a')).toBeNull();
  });
});
