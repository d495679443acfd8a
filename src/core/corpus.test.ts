import { describe, expect, test } from 'vitest';
import { labelledCorpus } from './fixtures/corpus';
import { createEngine } from './index';

/** Runs the whole corpus through one engine (groups interleave in one history, as on a real page). */
function runCorpus() {
  const engine = createEngine();
  const outcomes = labelledCorpus.flatMap((example, group) =>
    example.messages.map((message, i) => {
      const verdict = engine.observe({
        id: `${group}-${i}`,
        site: 'corpus',
        sender: `${group}/${message.sender}`,
        text: message.text,
      });
      return { example: example.name, expected: message.canned, actual: verdict.canned, text: message.text };
    }),
  );
  return outcomes;
}

describe('labelled corpus', () => {
  const outcomes = runCorpus();
  const truePositives = outcomes.filter((o) => o.expected && o.actual).length;
  const flagged = outcomes.filter((o) => o.actual).length;
  const positives = outcomes.filter((o) => o.expected).length;

  test('has positives and hard negatives', () => {
    expect(positives).toBeGreaterThanOrEqual(20);
    expect(outcomes.length - positives).toBeGreaterThanOrEqual(40);
  });

  test('precision >= 0.95 and recall >= 0.9', () => {
    const precision = truePositives / Math.max(1, flagged);
    const recall = truePositives / positives;
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });

  test.each(labelledCorpus.map((example) => [example.name]))('%s: every verdict as labelled', (name) => {
    const wrong = outcomes.filter((o) => o.example === name && o.expected !== o.actual).map((o) => o.text);
    expect(wrong).toEqual([]);
  });
});
