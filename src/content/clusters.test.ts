// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { ItemVerdict } from '../shared/views';
import { ClusterMemory } from './clusters';
import { message, testState } from './test-messages';
import { pipelineOn } from './test-pipeline';
import { cleanVerdict } from './verdicts';

vi.mock('../shared/browser', async () => ({ browser: (await import('../shared/fake-i18n')).fakeBrowser }));

const repeat = (id: string, senderCount: number): ItemVerdict => ({
  ...cleanVerdict(id),
  canned: true,
  reason: 'repeat-sender',
  senderCount,
  clusterId: 'c1',
});

describe('ClusterMemory', () => {
  it('remembers the most recent 500 senders of a cluster, not every sender of a live chat wave', () => {
    const memory = new ClusterMemory();
    const data = (sender: string) => ({ id: `m-${sender}`, sender, text: '' });
    for (let index = 0; index < 2_000; index++) memory.remember(data(`viewer${index}`), repeat(`m${index}`, 9));
    // The oldest sender's best count is gone (its own verdict shows); the latest ones are kept.
    expect(memory.effective(data('viewer0'), repeat('m0', 2))?.senderCount).toBe(2);
    expect(memory.effective(data('viewer1999'), repeat('m1999', 2))?.senderCount).toBe(9);
    expect(memory.effective(data('viewer1500'), repeat('m1500', 2))?.senderCount).toBe(9);
  });

  it('keeps an early copy canned after thousands of later clusters pushed its own out of memory', async () => {
    document.body.replaceChildren();
    // a0 came back clean (the first copy), a1 canned in the same cluster: a0 shows a1's verdict.
    const verdictFor = (id: string): ItemVerdict =>
      id === 'a0'
        ? { ...cleanVerdict(id), clusterId: 'cA' }
        : { ...cleanVerdict(id), canned: true, reason: 'template', templateSenders: 3, clusterId: `c-${id}` };
    const { pipeline, settle } = pipelineOn(document, testState, (id) =>
      id === 'a1' ? { ...verdictFor(id), clusterId: 'cA' } : verdictFor(id),
    );
    const [first, second] = [message('a0'), message('a1')];
    document.body.append(first, second);
    pipeline.enqueue([first, second]);
    await settle();
    expect(first.getAttribute('data-uncanned')).toBe('canned');
    const list = document.createElement('div');
    document.body.append(list);
    for (let start = 0; start < 3_100; start += 100) {
      const items = Array.from({ length: 100 }, (_, index) => message(`x${start + index}`));
      list.replaceChildren(...items);
      pipeline.enqueue(items);
      await settle();
    }
    pipeline.setState({ ...testState }); // any broadcast (a mute in another tab) marks the page again
    await settle();
    expect(first.getAttribute('data-uncanned')).toBe('canned'); // it turned clean and lost its chip
    expect(pipeline.counts.canned).toBe(3_102);
  });
});
