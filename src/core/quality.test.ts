/**
 * Key quality assertions on the shared datasets (skipped with a reason when ../shared/datasets is absent);
 * `npm run bench:quality` prints the full figures.
 */
import { describe, expect, test } from 'vitest';
import { hasYoutube, loadStackExchange, loadYoutube } from '../../bench/lib/datasets';
import { cleanBaseTexts, evaluateEvasions } from '../../bench/lib/evasion-eval';
import { evaluateStackExchange } from '../../bench/lib/other-evals';
import { evaluateYoutube } from '../../bench/lib/youtube-eval';
import { labelledCorpus } from './fixtures/corpus';

const youtube = loadYoutube();
const stackExchange = loadStackExchange();

describe.skipIf(youtube === undefined)('YouTube Spam Collection (skipped: datasets absent)', () => {
  const report = youtube === undefined ? undefined : evaluateYoutube(youtube);
  test('precision of flagged messages against CLASS = 1 is >= 0.90', () => {
    expect(report?.flagged).toBeGreaterThan(100);
    expect(report?.precision).toBeGreaterThanOrEqual(0.9);
  });
  test('>= 98 % of exact same-author repeats (5+ words or a link) are flagged; replayed ids do not count', () => {
    expect(report?.replays).toBe(3);
    expect(report?.repeatTruth).toBeGreaterThan(40);
    expect(report?.repeatRecall).toBeGreaterThanOrEqual(0.98);
  });
});

describe.skipIf(stackExchange === undefined)('Stack Exchange comments (skipped: datasets absent)', () => {
  test('at most 1 % flagged', () => {
    const report = evaluateStackExchange(stackExchange ?? []);
    expect(report.messages).toBeGreaterThan(5000);
    expect(report.share).toBeLessThanOrEqual(0.01);
  });
});

describe('evasions (dataset sample when present, else the project corpus)', () => {
  const source = hasYoutube()
    ? (youtube ?? []).map((comment) => comment.text)
    : labelledCorpus.flatMap((example) => example.messages.map((message) => message.text));
  const texts = cleanBaseTexts(source, 300, 1);
  const rates = evaluateEvasions(texts);
  test.each(rates.map((rate) => [rate.evasion, rate]))('%s: >= 90 %% of copies caught', (_name, rate) => {
    expect(rate.copies).toBeGreaterThanOrEqual(hasYoutube() ? 300 : 15);
    expect(rate.repeatCaught / rate.copies).toBeGreaterThanOrEqual(0.9);
    expect(rate.templateCaught / rate.copies).toBeGreaterThanOrEqual(0.9);
  });
});
