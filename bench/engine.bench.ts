/**
 * Engine vs the naive approach (string-similarity's findBestMatch over the whole history) at histories of 1k,
 * 10k and 100k messages of a synthetic but realistic stream (bench/lib/synth.ts). Run with `npm run bench`.
 */
import { serialize } from 'node:v8';
import stringSimilarity from 'string-similarity';
import { labelledCorpus } from '../src/core/fixtures/corpus';
import { createEngine, type DetectionEngine, normalizeText, type Verdict } from '../src/core/index';
import { loadSms, loadStackExchange, loadYoutube } from './lib/datasets';
import { fixed, markdownTable, measuredBytes, quantile } from './lib/stats';
import { type SynthMessage, synthesizeStream } from './lib/synth';

const SIZES = [1_000, 10_000, 100_000];
const WINDOW = 1_000; // timed messages observed on top of each history size
const NAIVE_QUERIES: Readonly<Record<number, number>> = { 1000: 1000, 10000: 300, 100000: 40 };

function sourceTexts(): { texts: string[]; origin: string } {
  const texts = [...(loadYoutube() ?? []).map((c) => c.text), ...(loadSms() ?? []).map((s) => s.text)];
  texts.push(...(loadStackExchange() ?? []).map((row) => row.text));
  if (texts.length > 0) return { texts, origin: 'YouTube + SMS + Stack Exchange sentences' };
  console.log('Datasets absent: using the project corpus sentences (figures are less realistic).');
  return { texts: labelledCorpus.map((example) => example.messages.map((m) => m.text).join('. ')), origin: 'corpus' };
}

interface SizeResult {
  size: number;
  buildMs: number;
  latencies: number[];
  verdicts: Verdict[];
  candidates: number;
  diceChecks: number;
  heapPerMessage: number;
  indexPerMessage: number;
  textCharsPerMessage: number;
  snapshotBytes: number;
  snapshotMs: number;
  restoreMs: number;
  restoredIndexPerMessage: number;
}

function runEngine(stream: readonly SynthMessage[], size: number): SizeResult {
  const before = measuredBytes();
  const engine: DetectionEngine = createEngine();
  const start = performance.now();
  for (let i = 0; i < size; i++) engine.observe(stream[i] as SynthMessage);
  const buildMs = performance.now() - start;
  const heapPerMessage = (measuredBytes() - before) / size;
  const { indexBytes, textChars } = engine.stats();
  const counted = engine.stats();
  const latencies: number[] = [];
  const verdicts: Verdict[] = [];
  for (let i = size; i < size + WINDOW; i++) {
    const t = performance.now();
    verdicts.push(engine.observe(stream[i] as SynthMessage));
    latencies.push((performance.now() - t) * 1000);
  }
  const after = engine.stats();
  let t = performance.now();
  const snapshot = engine.snapshot();
  const snapshotMs = performance.now() - t;
  const snapshotBytes = serialize(snapshot).length;
  const restores: number[] = [];
  let restored = engine;
  for (let r = 0; r < 5; r++) {
    // Restore from a structured clone, as IndexedDB hands it back (fresh strings and arrays).
    const stored = structuredClone(snapshot);
    measuredBytes();
    t = performance.now();
    restored = createEngine({}, stored);
    restores.push(performance.now() - t);
  }
  return {
    size,
    buildMs,
    latencies: latencies.sort((a, b) => a - b),
    verdicts,
    candidates: (after.candidates - counted.candidates) / WINDOW,
    diceChecks: (after.diceChecks - counted.diceChecks) / WINDOW,
    heapPerMessage,
    indexPerMessage: indexBytes / size,
    textCharsPerMessage: textChars / size,
    snapshotBytes,
    snapshotMs,
    restoreMs: restores.sort((a, b) => a - b)[2] ?? Number.NaN,
    restoredIndexPerMessage: restored.stats().indexBytes / restored.size,
  };
}

interface NaiveResult {
  latencies: number[];
  matches: number;
  found: number;
  byKind: Record<string, [number, number]>;
}

/** Naive best match for sampled window messages (half injected copies, half ordinary), and agreement. */
function runNaive(stream: readonly SynthMessage[], keys: readonly string[], result: SizeResult): NaiveResult {
  const wanted = NAIVE_QUERIES[result.size] ?? 20;
  const window = Array.from({ length: WINDOW }, (_, i) => result.size + i);
  const injected = window.filter((i) => stream[i]?.kind !== 'ordinary');
  const ordinary = window.filter((i) => stream[i]?.kind === 'ordinary');
  const queries = [...injected.slice(0, Math.ceil(wanted / 2)), ...ordinary.slice(0, Math.floor(wanted / 2))];
  const naive: NaiveResult = { latencies: [], matches: 0, found: 0, byKind: {} };
  for (const q of queries) {
    const message = stream[q] as SynthMessage;
    const { key, words } = normalizeText(message.text);
    const history = keys.slice(0, q);
    const t = performance.now();
    const best = stringSimilarity.findBestMatch(key, history);
    naive.latencies.push((performance.now() - t) * 1000);
    if (words < 5 || best.bestMatch.rating < 0.8) continue;
    const kind = stream[best.bestMatchIndex]?.sender === message.sender ? 'same sender' : 'template';
    const isFound = (result.verdicts[q - result.size]?.similarity ?? 0) >= 0.8;
    naive.matches++;
    if (isFound) naive.found++;
    const counts = naive.byKind[kind] ?? [0, 0];
    naive.byKind[kind] = [counts[0] + 1, counts[1] + (isFound ? 1 : 0)];
  }
  naive.latencies.sort((a, b) => a - b);
  return naive;
}

function main(): void {
  const { texts, origin } = sourceTexts();
  const stream = synthesizeStream((SIZES.at(-1) ?? 0) + WINDOW, texts);
  const keys = stream.map((message) => normalizeText(message.text).key);
  console.log(`Stream: ${stream.length} synthetic messages from ${origin}; Node ${process.version}.`);
  // Warm-up on a separate engine so JIT compilation does not land in the first timed window.
  const warm = createEngine();
  for (let i = 0; i < 20_000; i++) warm.observe(stream[i] as SynthMessage);
  createEngine({}, structuredClone(warm.snapshot()));
  const rows: string[][] = [];
  const detail: string[][] = [];
  for (const size of SIZES) {
    const result = runEngine(stream, size);
    const naive = runNaive(stream, keys, result);
    const p50 = quantile(result.latencies, 0.5);
    const naiveP50 = quantile(naive.latencies, 0.5);
    const agreement = naive.matches === 0 ? Number.NaN : naive.found / naive.matches;
    const kinds = Object.entries(naive.byKind).map(([kind, [m, f]]) => `${kind} ${f}/${m}`);
    rows.push([
      String(size),
      fixed(p50),
      fixed(quantile(result.latencies, 0.99)),
      fixed(size / (result.buildMs / 1000), 0),
      `${fixed(naiveP50, 0)} (n=${naive.latencies.length})`,
      `${fixed(naiveP50 / p50, 0)}x`,
      `${fixed(agreement, 3)} (${naive.found}/${naive.matches}; ${kinds.join(', ')})`,
      fixed(result.candidates, 2),
      fixed(result.diceChecks, 2),
    ]);
    detail.push([
      String(size),
      fixed(result.heapPerMessage, 0),
      `${fixed(result.indexPerMessage, 0)} / ${fixed(result.restoredIndexPerMessage, 0)}`,
      fixed(result.textCharsPerMessage, 0),
      `${fixed(result.snapshotBytes / 1e6, 2)} MB`,
      fixed(result.snapshotMs, 1),
      fixed(result.restoreMs, 1),
    ]);
  }
  const speedHeader = ['history', 'p50 µs', 'p99 µs', 'msgs/s (build)', 'naive p50 µs', 'speed-up', 'agreement'];
  console.log(markdownTable([...speedHeader, 'LSH cand./msg', 'Dice checks/msg'], rows));
  console.log('');
  const memoryHeader = ['history', 'heap B/msg', 'index B/msg (live / restored)', 'text chars/msg'];
  console.log(markdownTable([...memoryHeader, 'snapshot', 'snapshot ms', 'restore ms (median of 5)'], detail));
}

main();
