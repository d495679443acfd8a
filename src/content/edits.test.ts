// @vitest-environment happy-dom
// A message whose text changes under the same id (an edit, "See more" bringing the rest) is asked about again.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ItemVerdict } from '../shared/views';
import type { ItemData } from './adapters/define-adapter';
import { controlsTag } from './chip';
import { message, testAdapter, testState } from './test-messages';
import { livePipeline, repeatVerdict } from './test-pipeline';
import { cleanVerdict } from './verdicts';
import { ViewerClicks, viewChangeMs } from './viewer-clicks';

vi.mock('../shared/browser', async () => ({ browser: (await import('../shared/fake-i18n')).fakeBrowser }));

const setText = (item: Element, text: string) => {
  const paragraph = item.querySelector('p');
  if (paragraph?.firstChild) (paragraph.firstChild as Text).data = text; // in place, as React and Lit do
};

beforeEach(() => {
  document.body.replaceChildren();
  Object.assign(document.defaultView as object, { IntersectionObserver: undefined }); // chips come at once
});

describe('a message edited in place', () => {
  it('is sent again with its new text, and shows the verdict of that text', async () => {
    const item = message('m1', 'bob', 'a perfectly ordinary first comment');
    document.body.append(item);
    const { pipeline, sent, stop, settle } = livePipeline(testAdapter, testState);
    await settle();
    expect(item.getAttribute('data-uncanned')).toBe('clean');

    setText(item, 'BUY followers now at the link in my profile');
    await settle();
    expect(sent).toEqual([
      'm1|bob|a perfectly ordinary first comment',
      'm1|bob|BUY followers now at the link in my profile',
    ]);
    expect(item.getAttribute('data-uncanned')).toBe('canned');
    expect(item.querySelectorAll(controlsTag)).toHaveLength(1);
    expect(pipeline.counts).toEqual({ read: 1, canned: 1 });

    setText(item, 'sorry, wrong thread: deleted my link');
    await settle();
    expect(item.getAttribute('data-uncanned')).toBe('clean');
    expect(item.querySelectorAll(controlsTag)).toHaveLength(0);
    expect(pipeline.counts).toEqual({ read: 1, canned: 0 });
    stop();
  });

  it('takes its copies with it when it leaves their cluster: the one left is no repeat any more', async () => {
    // As the background answers: the first copy clean, the second a repeat (x2) of the same cluster.
    const pitch = 'BUY followers now at the link in my profile';
    const verdictOf = (data: ItemData): ItemVerdict => {
      if (!data.text.includes('BUY')) return { ...cleanVerdict(data.id), clusterId: `own-${data.id}` };
      const second = data.id === 'm2';
      return {
        ...repeatVerdict(data.id),
        canned: second,
        reason: second ? 'repeat-sender' : null,
        senderCount: second ? 2 : 1,
      };
    };
    const [first, second] = [message('m1', 'bob', pitch), message('m2', 'bob', pitch)];
    document.body.append(first, second);
    const { pipeline, stop, settle } = livePipeline(testAdapter, testState, verdictOf);
    await settle();
    expect([first, second].map((item) => item.getAttribute('data-uncanned'))).toEqual(['canned', 'canned']);

    setText(second, 'sorry, wrong thread: deleted my link');
    await settle();
    expect([first, second].map((item) => item.getAttribute('data-uncanned'))).toEqual(['clean', 'clean']);
    expect(first.querySelectorAll(controlsTag)).toHaveLength(0);
    expect(pipeline.counts).toEqual({ read: 2, canned: 0 });
    stop();
  });

  it('is not sent again when it is re-rendered with the same text', async () => {
    const item = message('m1', 'bob', 'the same words every render');
    document.body.append(item);
    const { sent, stop, settle } = livePipeline(testAdapter, testState);
    await settle();
    setText(item, 'the same words every render');
    item.replaceWith(item.cloneNode(true));
    await settle();
    expect(sent).toHaveLength(1);
    stop();
  });

  it('stops asking after a few changes: a text that keeps changing is not judged forever', async () => {
    const item = message('m1', 'clock', 'updated 0 seconds ago');
    document.body.append(item);
    const { sent, stop, settle } = livePipeline(testAdapter, testState);
    await settle();
    for (let tick = 1; tick <= 10; tick++) {
      setText(item, `updated ${tick} seconds ago`);
      await settle();
    }
    expect(sent).toHaveLength(4);
    stop();
  });
});

describe('another view of a message, asked for by the viewer', () => {
  const withButton = (item: HTMLElement, label: string) => {
    const button = Object.assign(document.createElement('button'), { textContent: label });
    item.append(button);
    return button;
  };

  it('a translation (and back to the original) is not an edit: the text it was judged by stays', async () => {
    const item = message('m1', 'bob', 'Ganhe dinheiro em casa com um app simples, veja o meu perfil');
    const translate = withButton(item, 'Translate to English');
    document.body.append(item);
    const { sent, stop, settle } = livePipeline(testAdapter, testState);
    await settle();
    translate.click();
    setText(item, 'Make money at home with one simple app, see my profile');
    await settle();
    translate.click(); // "See original"
    setText(item, 'Ganhe dinheiro em casa com um app simples, veja o meu perfil');
    await settle();
    expect(sent).toEqual(['m1|bob|Ganhe dinheiro em casa com um app simples, veja o meu perfil']);
    stop();
  });

  it('"See more" bringing the rest of the text is read, and an edit with no click of the viewer still is', async () => {
    const item = message('m1', 'bob', 'The first part of a long comment, cut here …');
    const more = withButton(item, 'See more');
    document.body.append(item);
    const { sent, stop, settle } = livePipeline(testAdapter, testState);
    await settle();
    more.click();
    setText(item, 'The first part of a long comment, cut here and the rest of it');
    await settle();
    const other = message('m2', 'eve', 'an ordinary comment that its sender will edit');
    document.body.append(other);
    await settle();
    setText(other, 'BUY followers now at the link in my profile'); // the viewer's click was in another message
    await settle();
    expect(sent).toEqual([
      'm1|bob|The first part of a long comment, cut here …',
      'm1|bob|The first part of a long comment, cut here and the rest of it',
      'm2|eve|an ordinary comment that its sender will edit',
      'm2|eve|BUY followers now at the link in my profile',
    ]);
    stop();
  });

  it('a translation read again later (a re-render, a virtualized list) is still not sent', async () => {
    const original = 'Ganhe dinheiro em casa com um app simples, veja o meu perfil';
    const [first, second] = [message('m1', 'bob', original), message('m2', 'ann', `${original}!`)];
    const buttons = [withButton(first, 'Translate'), withButton(second, 'Translate')];
    document.body.append(first, second);
    const { sent, stop, settle } = livePipeline(testAdapter, testState);
    await settle();
    for (const button of buttons) button.click(); // two comments translated at once
    setText(first, 'Make money at home with one simple app, see my profile');
    setText(second, 'Make money at home with one simple app, see my profile!');
    await settle();
    const clone = first.cloneNode(true) as HTMLElement; // re-rendered long after the click
    vi.spyOn(performance, 'now').mockReturnValue(performance.now() + 60_000);
    first.replaceWith(clone);
    await settle();
    vi.restoreAllMocks();
    expect(sent).toEqual([`m1|bob|${original}`, `m2|ann|${original}!`]);
    stop();
  });

  it('counts clicks in a component of the message, but not ours, not toggles, not long ago', () => {
    let now = 0;
    const clicks = new ViewerClicks(window, () => now);
    const item = message('m1');
    const button = withButton(item, 'Translate');
    const like = withButton(item, 'Like');
    like.setAttribute('aria-pressed', 'false');
    const ours = document.createElement('uncanned-controls');
    const inOurs = ours.attachShadow({ mode: 'open' }).appendChild(document.createElement('button'));
    const component = document.createElement('div');
    const inComponent = component.attachShadow({ mode: 'open' }).appendChild(document.createElement('button'));
    item.append(ours, component);
    document.body.append(item);
    for (const control of [inOurs, like]) control.click();
    expect(clicks.clickedIn(item, now)).toBe(false);
    inComponent.click();
    expect(clicks.clickedIn(item, now)).toBe(true);
    now = viewChangeMs;
    expect(clicks.clickedIn(item, now)).toBe(false);
    button.click();
    expect(clicks.clickedIn(item, now)).toBe(true);
    expect(clicks.clickedIn(message('m2'), now)).toBe(false);
  });
});
