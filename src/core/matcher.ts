/**
 * Finds the earlier messages a new message matches: the sender's recent window (Dice), exact copies (64-bit
 * hash) and, when there is no exact copy, LSH candidates verified with Dice. Cheap pre-checks run before Dice:
 * the length ratio (Dice cannot reach t otherwise) and the Jaccard estimate from the byte signatures.
 */
import type { EngineConfig } from './api';
import { Flag } from './columns';
import type { History } from './history';
import { estimateJaccard, SIGNATURE_SIZE } from './minhash';
import { dice } from './similarity';

/** What the search found for message `index`. */
export interface MatchResult {
  /** Best verified match from the same sender, or -1. */
  ownId: number;
  ownSimilarity: number;
  /** Best verified match from anyone, or -1. */
  bestId: number;
  bestSimilarity: number;
  /** Every verified match (unordered, may repeat). */
  readonly matched: number[];
}

/** Work counters, for the benchmarks. */
export interface MatchCounters {
  candidates: number;
  diceChecks: number;
}

/** Matching parameters derived from the engine config. */
export type MatchSettings = Pick<EngineConfig, 'similarityThreshold' | 'senderWindow' | 'minWords'>;

const MAX_EXACT_WALK = 16;

/**
 * Lowest signature Jaccard estimate worth a Dice check. Measured on 6,047 YouTube + SMS keys: every pair at
 * Dice >= 0.8 had an estimate >= 0.43, while 99.98 % of other pairs were under 0.3. Scaled down for lower t.
 */
function jaccardFloor(threshold: number): number {
  return Math.max(0, 1.5 * threshold - 0.9);
}

/** Two messages may match only if both are long, or they carry the same links (the short-link rule). */
function isCompatible(history: History, a: number, b: number, minWords: number): boolean {
  const { words, linkHash } = history.columns;
  if ((words[a] ?? 0) >= minWords && (words[b] ?? 0) >= minWords) return true;
  return linkHash[a] === linkHash[b];
}

/** Dice of two messages after the pre-checks; 0 when a pre-check rules the pair out. */
function verify(history: History, a: number, b: number, settings: MatchSettings, counters: MatchCounters): number {
  const { columns, keys } = history;
  if (columns.hashLow[a] === columns.hashLow[b] && columns.hashHigh[a] === columns.hashHigh[b]) return 1;
  const left = keys[a] ?? '';
  const right = keys[b] ?? '';
  const ratio = Math.min(left.length, right.length) / Math.max(left.length, right.length, 1);
  if (ratio < (settings.similarityThreshold / (2 - settings.similarityThreshold)) * 0.9) return 0;
  const signed = (columns.flags[a] ?? 0) & (columns.flags[b] ?? 0) & Flag.hasSignature;
  if (
    signed &&
    estimateJaccard(columns.sigs, a * SIGNATURE_SIZE, b * SIGNATURE_SIZE) < jaccardFloor(settings.similarityThreshold)
  ) {
    return 0;
  }
  counters.diceChecks++;
  return dice(left, right);
}

/** Searches every source of matches for the (reserved, not yet added) message `index` from `sender`. */
export function findMatches(
  history: History,
  index: number,
  settings: MatchSettings,
  counters: MatchCounters,
): MatchResult {
  const result: MatchResult = { ownId: -1, ownSimilarity: 0, bestId: -1, bestSimilarity: 0, matched: [] };
  const consider = (other: number, similarity: number, own: boolean): void => {
    if (similarity < settings.similarityThreshold) return;
    result.matched.push(other);
    if (own && similarity > result.ownSimilarity) [result.ownId, result.ownSimilarity] = [other, similarity];
    if (similarity > result.bestSimilarity) [result.bestId, result.bestSimilarity] = [other, similarity];
  };
  const { columns, exact, senderPrevious } = history;
  const sender = columns.sender[index] ?? 0;
  let other = history.senders.heads[sender] ?? -1;
  for (let steps = 0; other >= 0 && steps < settings.senderWindow; steps++) {
    if (isCompatible(history, index, other, settings.minWords)) {
      consider(other, verify(history, index, other, settings, counters), true);
    }
    other = senderPrevious[other] ?? -1;
  }
  let copy = exact.find(columns.hashLow, columns.hashHigh, columns.hashLow[index] ?? 0, columns.hashHigh[index] ?? 0);
  for (let steps = 0; copy >= 0 && steps < MAX_EXACT_WALK; steps++) {
    if (isCompatible(history, index, copy, settings.minWords)) consider(copy, 1, columns.sender[copy] === sender);
    copy = exact.previous[copy] ?? -1;
  }
  if (result.bestSimilarity < 1) searchCandidates(history, index, settings, counters, consider);
  return result;
}

function searchCandidates(
  history: History,
  index: number,
  settings: MatchSettings,
  counters: MatchCounters,
  consider: (other: number, similarity: number, own: boolean) => void,
): void {
  const { columns } = history;
  if (!((columns.flags[index] ?? 0) & Flag.hasSignature) || (columns.words[index] ?? 0) < settings.minWords) return;
  const sender = columns.sender[index];
  history.lsh.forEachCandidate(columns.sigs, index, new Set(), (candidate) => {
    counters.candidates++;
    consider(candidate, verify(history, index, candidate, settings, counters), columns.sender[candidate] === sender);
  });
}
