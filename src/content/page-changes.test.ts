// @vitest-environment happy-dom
// The site changes its DOM under us the way frameworks do: elements re-used in place, nodes put between ours.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import youtube from './adapters/youtube';
import { controlsTag } from './chip';
import { observe } from './observe';
import { stubTag } from './stub';
import { message, testAdapter, testState } from './test-messages';
import { livePipeline, muting, observerRuns } from './test-pipeline';

vi.mock('../shared/browser', async () => ({ browser: (await import('../shared/fake-i18n')).fakeBrowser }));

const chips = (root: ParentNode = document) => root.querySelectorAll(controlsTag).length;
const stubs = () => document.querySelectorAll(stubTag).length;

function chatRow(id: string, handle: string, text: string): Element {
  const row = document.createElement('yt-live-chat-text-message-renderer');
  row.id = id;
  row.innerHTML = `<div id="content"><span id="timestamp">1:40 PM</span><yt-live-chat-author-chip>
    <span id="author-name" dir="auto">${handle}<span id="chip-badges"></span></span></yt-live-chat-author-chip>
    <span id="message" dir="auto">${text}</span></div>`;
  return row;
}

/** Polymer re-uses a chat row for a newer message: a new id, and the text nodes' data set in place. */
function reuse(row: Element, id: string, handle: string, text: string): void {
  row.id = id;
  ((row.querySelector('#author-name') as Element).firstChild as Text).data = handle;
  ((row.querySelector('#message') as Element).firstChild as Text).data = text;
}

beforeEach(() => {
  Object.assign(document.defaultView as object, { IntersectionObserver: undefined }); // chips come at once
  document.body.replaceChildren();
});

describe('elements re-used in place', () => {
  it('reads a chat row again when only its id and text nodes change: the old chip goes', async () => {
    const row = chatRow(
      'ChwKGkNMYlJ3X2pVX280Q0ZSZ3JBd0Fk0001',
      '@giftdrop_bot',
      'BUY free gift cards at example dot com',
    );
    document.body.append(row);
    const { sent, stop, settle } = livePipeline(youtube, { ...testState, site: 'youtube' });
    await settle();
    expect(chips(row)).toBe(1);
    reuse(row, 'ChwKGkNMYlJ3X2pVX280Q0ZSZ3JBd0Fk0099', '@ana_streams', 'hello from Lisbon again');
    await settle();
    stop();
    expect(sent.at(-1)).toBe('ChwKGkNMYlJ3X2pVX280Q0ZSZ3JBd0Fk0099|@ana_streams|hello from Lisbon again');
    expect(row.getAttribute('data-uncanned-id')).toBe('ChwKGkNMYlJ3X2pVX280Q0ZSZ3JBd0Fk0099');
    expect(row.getAttribute('data-uncanned')).toBe('clean');
    expect(chips(row)).toBe(0);
  });

  it("a row re-used for another sender loses the muted sender's stub and is shown", async () => {
    const row = chatRow('ChwKGkNMYlJ3X2pVX280Q0ZSZ3JBd0Fk0001', '@giftdrop_bot', 'free gift cards');
    document.body.append(row);
    const { stop, settle } = livePipeline(youtube, { ...muting('@giftdrop_bot'), site: 'youtube' });
    await settle();
    expect(row.getAttribute('data-uncanned-hidden')).toBe('muted');
    reuse(row, 'ChwKGkNMYlJ3X2pVX280Q0ZSZ3JBd0Fk0099', '@ana_streams', 'hello from Lisbon again');
    await settle();
    stop();
    expect(row.hasAttribute('data-uncanned-hidden')).toBe(false);
    expect(stubs()).toBe(0);
  });
});

describe("a collapsed message's stub", () => {
  it('stays with its message when the site inserts a node between them', async () => {
    const muted = message('m1', 'spammer');
    const list = document.createElement('div');
    list.append(message('m0', 'alice'), muted);
    document.body.append(list);
    const { stop, settle } = livePipeline(testAdapter, muting('spammer'));
    await settle();
    expect(muted.previousElementSibling?.localName).toBe(stubTag);
    (muted.previousElementSibling as HTMLElement).shadowRoot?.querySelector('button')?.focus(); // "Show", from the keyboard
    list.insertBefore(message('m2', 'carol'), muted); // React knows only its own siblings: it inserts before m1
    await settle();
    stop();
    expect(stubs()).toBe(1);
    expect(muted.previousElementSibling?.localName).toBe(stubTag);
    expect(document.activeElement).toBe(muted.previousElementSibling); // the focus stays on "Show"
  });

  it('follows its message when a keyed list moves the message up, and stays single', async () => {
    const muted = message('m1', 'spammer');
    const first = message('m0', 'alice');
    const list = document.createElement('div');
    list.append(first, muted);
    document.body.append(list);
    const { stop, settle } = livePipeline(testAdapter, muting('spammer'));
    await settle();
    list.insertBefore(muted, first);
    await settle();
    stop();
    expect(stubs()).toBe(1);
    expect(muted.previousElementSibling?.localName).toBe(stubTag);
    expect(muted.nextElementSibling).toBe(first);
  });
});

it("says on the stub when the message's replies, nested inside it, are hidden with it", async () => {
  const parent = message('p1', 'spammer');
  const reply = message('r1', 'alice');
  const mutedReply = message('r2', 'spammer');
  parent.append(reply);
  document.body.append(parent, mutedReply);
  const { stop, settle } = livePipeline(testAdapter, muting('spammer'));
  await settle();
  stop();
  const labels = [...document.querySelectorAll(stubTag)].map((stub) => stub.shadowRoot?.textContent);
  expect(labels).toEqual([
    'Hidden: spammer repeats themselves. Its replies are hidden with it.Show',
    'Hidden: spammer repeats themselves.Show',
  ]);
});

it('does not wake the pipeline for text changing outside any message (a clock, a video time)', async () => {
  const clock = Object.assign(document.createElement('span'), { textContent: '0:01' });
  const item = message('m1', 'alice', 'hello');
  document.body.append(clock, item);
  const calls: Element[][] = [];
  const stop = observe(document, (_added, _changed, edited) => calls.push(edited), 'div.message');
  (clock.firstChild as Text).data = '0:02';
  await observerRuns();
  expect(calls).toEqual([]);
  ((item.firstElementChild as Element).firstChild as Text).data = 'hello again';
  await observerRuns();
  stop();
  expect(calls).toEqual([[item]]);
});

describe('our nodes removed by the site', () => {
  it('puts back controls the site removed from a canned message', async () => {
    const item = message('m1', 'spammer', 'BUY now');
    document.body.append(item);
    const { stop, settle } = livePipeline(testAdapter, testState);
    await settle();
    item.querySelector(controlsTag)?.remove(); // a framework cleaning children it did not render
    await settle();
    stop();
    expect(chips(item)).toBe(1);
  });

  it("puts back a collapsed message's stub the site removed", async () => {
    const item = message('m1', 'spammer');
    document.body.append(item);
    const { stop, settle } = livePipeline(testAdapter, muting('spammer'));
    await settle();
    document.querySelector(stubTag)?.remove();
    await settle();
    stop();
    expect(stubs()).toBe(1);
    expect(item.previousElementSibling?.localName).toBe(stubTag);
  });
});
