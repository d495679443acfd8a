/** Test helper (never bundled): a pipeline on a document whose background answers at once, for the pipeline tests. */
import type { ItemVerdict, PageState } from '../shared/views';
import type { ItemData, SiteAdapter } from './adapters/define-adapter';
import { observe } from './observe';
import { Pipeline } from './pipeline';
import { message, testAdapter, testState } from './test-messages';
import { cleanVerdict } from './verdicts';

export const muting = (sender: string): PageState => ({ ...testState, mutes: [{ sender, scope: 'all' }] });
/** What the background says of a sender's fourth copy of a text. */
export const repeatVerdict = (id: string): ItemVerdict => ({
  ...cleanVerdict(id),
  canned: true,
  reason: 'repeat-sender',
  senderCount: 4,
  clusterId: 'c1',
});

/** Thousands of later messages: more than the page keeps in memory (the LRU of message ids). */
export const manyLater = () => Array.from({ length: 3_200 }, (_, index) => message(`n${index}`));

/** A pipeline whose background answers every batch at once with clean verdicts; `sent` lists what it was asked. */
export function pipelineOn(
  doc: Document,
  initial = testState,
  verdictFor = (id: string): ItemVerdict => cleanVerdict(id),
  now = () => performance.now(),
  adapter = testAdapter,
) {
  const sent: string[] = [];
  const pipeline = new Pipeline(adapter, doc, initial, {
    classify: async (items) => {
      sent.push(...items.map((data) => data.id));
      return items.map((data) => verdictFor(data.id));
    },
    actions: { mute: () => {}, notCanned: () => {}, explain: async () => [] },
    onChange: () => {},
    now,
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
  return { pipeline, settle, sent };
}

export const observerRuns = () => new Promise((resolve) => setTimeout(resolve, 0));

const buyIsCanned = (data: ItemData): ItemVerdict =>
  data.text.includes('BUY') ? repeatVerdict(data.id) : cleanVerdict(data.id);

/** A pipeline fed by the real observer, as session.ts wires it; by default texts with "BUY" are canned. */
export function livePipeline(adapter: SiteAdapter, state: PageState, verdictOf = buyIsCanned) {
  const sent: string[] = [];
  const pipeline = new Pipeline(adapter, document, state, {
    classify: async (items) => {
      sent.push(...items.map((data) => `${data.id}|${data.sender}|${data.text}`));
      return items.map(verdictOf);
    },
    actions: { mute: () => {}, notCanned: () => {}, explain: async () => [] },
    onChange: () => {},
  });
  const stop = observe(
    document,
    (added, changed, edited) => pipeline.enqueue(added, changed, edited),
    pipeline.itemSelector,
  );
  const settle = async () => {
    for (let round = 0; round < 50; round++) {
      await observerRuns();
      pipeline.flush(1_000);
      await observerRuns();
      if (!pipeline.hasWork) return;
    }
  };
  pipeline.enqueue([document]);
  return { pipeline, sent, stop, settle };
}
