// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { ItemVerdict } from '../shared/views';
import { observe } from './observe';
import { Pipeline } from './pipeline';
import { returnFocusToStub, stubTag } from './stub';
import { message, testAdapter, testState } from './test-messages';
import { manyLater, muting, pipelineOn, repeatVerdict } from './test-pipeline';
import { cleanVerdict } from './verdicts';

vi.mock('../shared/browser', async () => ({ browser: (await import('../shared/fake-i18n')).fakeBrowser }));

const adapter = testAdapter;
const state = testState;

describe('Pipeline', () => {
  it('judges a message again when its element is re-read after the page forgot the message', async () => {
    document.body.replaceChildren();
    const first = message('m0');
    document.body.append(first);
    const { pipeline, settle } = pipelineOn(document);
    pipeline.enqueue([document]);
    await settle();
    expect(first.getAttribute('data-uncanned')).toBe('clean');

    // m0 leaves the page (a virtualized list keeps its element aside) and later messages push it out of memory.
    first.remove();
    const later = manyLater();
    document.body.append(...later);
    pipeline.enqueue(later);
    await settle();

    // The list puts the same element back and re-renders its text: it is read again and must be judged.
    document.body.prepend(first);
    (first.firstElementChild as HTMLElement).textContent = 'ordinary words number m0 in a comment, edited';
    pipeline.enqueue([first]);
    await settle();
    expect(first.getAttribute('data-uncanned-id')).toBe('m0');
    expect(first.getAttribute('data-uncanned')).toBe('clean');
  });

  it("clears a muted message's stub from an element re-used for a message without a sender", async () => {
    document.body.replaceChildren();
    const item = message('m1', 'spammer');
    document.body.append(item);
    const { pipeline, settle } = pipelineOn(document, muting('spammer'));
    pipeline.enqueue([document]);
    await settle();
    expect(item.getAttribute('data-uncanned-hidden')).toBe('muted');
    expect(document.querySelectorAll(stubTag)).toHaveLength(1);
    // Its "Show" is described by the line saying whose message it is (a page may hold many "Show" buttons).
    const root = document.querySelector(stubTag)?.shadowRoot;
    const show = root?.querySelector('button');
    expect(show?.textContent).toBe('Show');
    expect(root?.getElementById(show?.getAttribute('aria-describedby') ?? '')?.textContent).toContain('spammer');
    // A virtualized list re-uses it for a reply whose author was deleted: nothing we can read, nothing of ours stays.
    delete item.dataset.sender;
    item.dataset.mid = 'm2';
    (item.firstElementChild as HTMLElement).textContent = 'an innocent reply from someone else';
    pipeline.enqueue([item]);
    await settle();
    expect(item.hasAttribute('data-uncanned-hidden')).toBe(false);
    expect(item.hasAttribute('data-uncanned-id')).toBe(false);
    expect(document.querySelectorAll(stubTag)).toHaveLength(0);
  });

  it("never paints an old message's verdict on an element re-used for another one while it waits to be re-read", async () => {
    document.body.replaceChildren();
    const item = message('m1', 'alice');
    document.body.append(item);
    let answer: (verdicts: ItemVerdict[]) => void = () => {};
    const pipeline = new Pipeline(
      adapter,
      document,
      { ...state, cannedAction: 'collapse' },
      {
        classify: () => new Promise((resolve) => (answer = resolve)),
        actions: { mute: () => {}, notCanned: () => {}, explain: async () => [] },
        onChange: () => {},
      },
    );
    pipeline.enqueue([document]);
    pipeline.flush(1_000); // m1 read and sent
    // The list re-uses the element for bob's m2, then m1's canned verdict arrives.
    item.dataset.mid = 'm2';
    item.dataset.sender = 'bob';
    (item.firstElementChild as HTMLElement).textContent = 'something else entirely, by bob';
    pipeline.enqueue([item]);
    answer([repeatVerdict('m1')]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    // Every write of the tick is recorded: not even for a moment may the element be collapsed as m1.
    const writes = new MutationObserver(() => {});
    writes.observe(document.body, { childList: true, attributes: true, attributeFilter: ['data-uncanned-hidden'] });
    pipeline.flush(1_000);
    const records = writes.takeRecords();
    writes.disconnect();
    expect(records.filter((record) => record.type === 'attributes')).toEqual([]);
    expect(
      records.flatMap((record) => [...record.addedNodes]).filter((node) => node.nodeName === stubTag.toUpperCase()),
    ).toEqual([]);
    expect(item.getAttribute('data-uncanned-id')).toBe('m2');
    expect(item.hasAttribute('data-uncanned-hidden')).toBe(false);
  });

  it('applies a mute in the next tick even while the page floods it with changes (a busy live chat)', async () => {
    document.body.replaceChildren();
    const item = message('m1', 'spammer');
    document.body.append(item);
    const { pipeline, settle } = pipelineOn(document);
    pipeline.enqueue([document]);
    await settle();
    // Far more changed nodes than one slice can resolve (each holds elements, so each is searched for messages).
    const flood = Array.from({ length: 20_000 }, () => {
      const node = document.createElement('section');
      node.append(document.createElement('span'));
      return node;
    });
    pipeline.enqueue(flood);
    pipeline.setState(muting('spammer'));
    // A clock that moves 10 µs per look: the slice ends after ~1,000 of them, whatever the machine's load.
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 0.01));
    pipeline.flush(20);
    now.mockRestore();
    expect(item.getAttribute('data-uncanned-hidden')).toBe('muted');
    expect(pipeline.hasWork).toBe(true); // nodes were still waiting: the mute did not just come after them
  });

  it('still mutes and unmutes a message on the page after thousands of later ones were read', async () => {
    document.body.replaceChildren();
    const first = message('m0', 'spammer');
    document.body.append(first);
    const { pipeline, settle } = pipelineOn(document);
    pipeline.enqueue([document]);
    await settle();
    const later = manyLater();
    document.body.append(...later);
    pipeline.enqueue(later);
    await settle();
    expect(document.querySelectorAll('[data-uncanned="clean"]')).toHaveLength(3_201); // every one judged
    const read = pipeline.counts.read;

    pipeline.setState(muting('spammer'));
    await settle();
    expect(first.getAttribute('data-uncanned-hidden')).toBe('muted');
    pipeline.setState(state); // unmuted from the popup or another tab
    await settle();
    expect(first.hasAttribute('data-uncanned-hidden')).toBe(false);

    pipeline.enqueue([first]); // re-read (a re-render): still the same message, not counted again
    await settle();
    expect(pipeline.counts.read).toBe(read);
  });

  it('keeps a message shown ("Show" on its stub) when the list re-creates its element', async () => {
    document.body.replaceChildren();
    const first = message('m0', 'spammer');
    document.body.append(first);
    const { pipeline, settle } = pipelineOn(document, muting('spammer'));
    pipeline.enqueue([document]);
    await settle();
    expect(first.getAttribute('data-uncanned-hidden')).toBe('muted');
    pipeline.reveal('m0');
    await settle();

    first.remove();
    const again = message('m0', 'spammer'); // scrolled out and back in: a new element for the same message
    document.body.append(again);
    pipeline.enqueue([again]);
    await settle();
    expect(again.hasAttribute('data-uncanned-hidden')).toBe(false);
    // The pre-hide rule for muted senders spares only elements carrying this hook.
    expect(again.hasAttribute('data-uncanned-revealed')).toBe(true);

    // Thousands of messages later its id leaves the page's memory, and "Show" with it (the set grew for good).
    again.remove();
    const later = manyLater();
    document.body.append(...later);
    pipeline.enqueue(later);
    await settle();
    const back = message('m0', 'spammer');
    document.body.append(back);
    pipeline.enqueue([back]);
    await settle();
    expect(back.getAttribute('data-uncanned-hidden')).toBe('muted');
  });

  it('classifies a message whose text renders after the rest of it', async () => {
    document.body.replaceChildren();
    const item = message('m1', 'someone', '');
    document.body.append(item);
    const { pipeline, settle, sent } = pipelineOn(document);
    pipeline.enqueue([document]);
    await settle();
    expect(sent).toEqual([]); // nothing to compare yet

    (item.firstElementChild as HTMLElement).textContent = 'buy cheap followers now at example dot com';
    pipeline.enqueue([item]);
    await settle();
    expect(sent).toEqual(['m1']);
  });

  it('moves keyboard focus to the stub\'s "Show" of the message whose Mute was pressed, unless the user moved on', async () => {
    document.body.replaceChildren();
    const items = [message('m0', 'spammer'), message('m1', 'spammer')];
    const reply = document.createElement('textarea');
    document.body.append(...items, reply);
    const { pipeline, settle } = pipelineOn(document, state, repeatVerdict);
    pipeline.enqueue([document]);
    await settle();
    expect(items.map((item) => item.getAttribute('data-uncanned'))).toEqual(['canned', 'canned']);

    // Mute pressed on m1's chip: the pre-hide rule hides it at once and the browser drops the focus to <body>.
    returnFocusToStub('m1');
    (document.activeElement as HTMLElement | null)?.blur();
    pipeline.setState(muting('spammer'));
    await settle();
    const stubs = [...document.querySelectorAll(stubTag)];
    expect(stubs).toHaveLength(2);
    const focused = document.activeElement;
    expect(focused?.getAttribute('data-uncanned-stub-for')).toBe('m1');
    expect(focused?.shadowRoot?.activeElement?.textContent).toBe('Show');

    // Muted again after the user went on typing a reply: the focus stays where they put it.
    pipeline.setState(state);
    await settle();
    returnFocusToStub('m1');
    reply.focus();
    pipeline.setState(muting('spammer'));
    await settle();
    expect(document.activeElement).toBe(reply);
  });

  it("rewrites the stub's line when a collapsed canned message's sender is then muted", async () => {
    document.body.replaceChildren();
    const item = message('m0', 'spammer');
    document.body.append(item);
    const { pipeline, settle } = pipelineOn(document, { ...state, cannedAction: 'collapse' }, repeatVerdict);
    pipeline.enqueue([document]);
    await settle();
    const line = () => document.querySelector(stubTag)?.shadowRoot?.textContent ?? '';
    const before = line();
    pipeline.setState({ ...muting('spammer'), cannedAction: 'collapse' });
    await settle();
    expect(document.querySelectorAll(stubTag)).toHaveLength(1);
    expect(line()).not.toBe(before);
  });

  it('moves keyboard focus into the message when "Show" on its stub is pressed', async () => {
    document.body.replaceChildren();
    const item = message('m0', 'spammer');
    const link = document.createElement('a'); // the message's own first control (author link, reply button)
    link.href = '#author';
    item.append(link);
    document.body.append(item);
    const { pipeline, settle } = pipelineOn(document, muting('spammer'));
    pipeline.enqueue([document]);
    await settle();
    const show = document.querySelector(stubTag)?.shadowRoot?.querySelector('button');
    show?.focus();
    show?.click();
    expect(item.hasAttribute('data-uncanned-hidden')).toBe(false);
    expect(document.querySelector(stubTag)).toBeNull();
    expect(document.activeElement).toBe(link);
  });

  it('reads only the new row when a list of hundreds gets one more (a live chat, a page loading more)', async () => {
    document.body.replaceChildren();
    const list = document.createElement('div');
    list.append(...Array.from({ length: 300 }, (_, index) => message(`m${index}`)));
    document.body.append(list);
    let reads = 0;
    const counting = { ...testAdapter, extract: () => void reads++ };
    const pipeline = new Pipeline(counting, document, testState, {
      classify: async (items) => items.map((data) => cleanVerdict(data.id)),
      actions: { mute: () => {}, notCanned: () => {}, explain: async () => [] },
      onChange: () => {},
    });
    const stop = observe(document.body, (added, changed) => pipeline.enqueue(added, changed), pipeline.itemSelector);
    pipeline.enqueue([document]);
    pipeline.flush(1_000);
    expect(reads).toBe(300);
    const row = message('new');
    list.append(row);
    await new Promise((resolve) => setTimeout(resolve, 0)); // the observer's callback
    pipeline.flush(1_000);
    stop();
    expect(reads).toBe(301); // it read all 300 again on each append
    expect(row.getAttribute('data-uncanned-id')).toBe('new');
  });
});
