// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { ItemVerdict, PageState } from '../shared/views';
import { defineAdapter } from './adapters/define-adapter';
import { attr } from './adapters/readers';
import { Pipeline } from './pipeline';
import { cleanVerdict } from './verdicts';

vi.mock('../shared/browser', async () => ({ browser: (await import('../shared/fake-i18n')).fakeBrowser }));

const adapter = defineAdapter({
  id: 'hackernews', // any known site id: the adapter below is the test's own
  hosts: ['example.test'],
  item: 'div.message',
  text: 'p',
  sender: { from: ':scope', read: attr('data-sender') },
  messageId: { from: ':scope', read: attr('data-mid') },
});

const state: PageState = {
  site: 'hackernews',
  paused: false,
  cannedAction: 'flag',
  mutedAction: 'collapse',
  mutes: [],
  notCannedSenders: [],
  notCannedClusters: [],
  debug: false,
};

function message(id: string): HTMLElement {
  const element = document.createElement('div');
  element.className = 'message';
  element.dataset.sender = `sender-${id}`;
  element.dataset.mid = id;
  element.innerHTML = '<p></p>';
  (element.firstElementChild as HTMLElement).textContent = `ordinary words number ${id} in a comment`;
  return element;
}

/** A pipeline whose background answers every batch at once with clean verdicts. */
function pipelineOn(doc: Document) {
  const pipeline = new Pipeline(adapter, doc, state, {
    classify: async (items) => items.map((data): ItemVerdict => cleanVerdict(data.id)),
    actions: { mute: () => {}, notCanned: () => {}, explain: async () => [] },
    onChange: () => {},
  });
  /** Flushes until the queues and the classify requests are done. */
  const settle = async () => {
    for (let round = 0; round < 200; round++) {
      pipeline.flush(1_000);
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (!pipeline.hasWork) pipeline.flush(1_000);
      if (!pipeline.hasWork) return;
    }
  };
  return { pipeline, settle };
}

describe('Pipeline', () => {
  it('judges a message again when its element is re-read after the page forgot the message', async () => {
    document.body.replaceChildren();
    const first = message('m0');
    document.body.append(first);
    const { pipeline, settle } = pipelineOn(document);
    pipeline.enqueue([document]);
    await settle();
    expect(first.getAttribute('data-uncanned')).toBe('clean');

    // Thousands of later messages push m0 out of the page's memory (the LRU of message ids).
    const later = Array.from({ length: 3_200 }, (_, index) => message(`n${index}`));
    document.body.append(...later);
    pipeline.enqueue(later);
    await settle();

    // The site re-renders m0's text in place (same element, same message): it is read again and must be judged.
    (first.firstElementChild as HTMLElement).textContent = 'ordinary words number m0 in a comment, edited';
    pipeline.enqueue([first]);
    await settle();
    expect(first.getAttribute('data-uncanned-id')).toBe('m0');
    expect(first.getAttribute('data-uncanned')).toBe('clean');
  });
});
