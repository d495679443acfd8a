/**
 * Verdicts are stored in the columns at arrival and always read back through `readVerdict`, so re-observing a
 * message returns exactly what its first observation returned (only current feedback is applied on top).
 */
import type { CannedReason, EngineConfig, Verdict } from './api';
import { Flag, MAX_MATCHES } from './columns';
import type { Feedback } from './feedback';
import type { History } from './history';
import type { MatchResult } from './matcher';

/** Public form of a cluster number. */
export function clusterIdOf(cluster: number): string {
  return `c${cluster}`;
}

/** Counts the verdict needs, decided by the engine. */
export interface VerdictCounts {
  readonly senderCount: number;
  readonly templateSenders: number;
  readonly isEligible: boolean;
}

/** Writes the arrival verdict of message `index` into its columns. */
export function storeVerdict(
  history: History,
  index: number,
  counts: VerdictCounts,
  found: MatchResult,
  config: EngineConfig,
): void {
  const { columns } = history;
  const isRepeat = counts.senderCount >= config.repeatThreshold;
  const isTemplate = counts.templateSenders >= config.templateSenderThreshold;
  if (counts.isEligible && (isRepeat || isTemplate)) {
    columns.flags[index] = (columns.flags[index] ?? 0) | Flag.flaggable | (isRepeat ? 0 : Flag.template);
  }
  columns.senderCount[index] = Math.min(counts.senderCount, 0xffff);
  columns.templateSenders[index] = counts.templateSenders;
  columns.similarity[index] = Math.round(Math.max(found.ownSimilarity, found.bestSimilarity) * 1000);
  const newest = [...new Set(found.matched)].sort((a, b) => b - a).slice(0, MAX_MATCHES);
  newest.forEach((match, slot) => {
    columns.matches[index * MAX_MATCHES + slot] = match;
  });
}

/** The verdict of a stored message, with current feedback applied. */
export function readVerdict(history: History, index: number, feedback: Feedback): Verdict {
  const { columns, senders } = history;
  const flags = columns.flags[index] ?? 0;
  const sender = columns.sender[index] ?? 0;
  const clusterId = clusterIdOf(columns.cluster[index] ?? 0);
  const isFlaggable = (flags & Flag.flaggable) !== 0;
  const suppressed =
    isFlaggable && feedback.covers(senders.sites[sender] ?? '', senders.names[sender] ?? '', clusterId);
  const reason: CannedReason = flags & Flag.template ? 'template' : 'repeat-sender';
  const matchIds: string[] = [];
  for (let slot = 0; slot < MAX_MATCHES; slot++) {
    const match = columns.matches[index * MAX_MATCHES + slot] ?? -1;
    if (match >= 0) matchIds.push(history.ids[match] ?? '');
  }
  return {
    id: history.ids[index] ?? '',
    canned: isFlaggable && !suppressed,
    reason: isFlaggable && !suppressed ? reason : null,
    senderCount: columns.senderCount[index] ?? 1,
    templateSenders: columns.templateSenders[index] ?? 1,
    clusterId,
    matchIds,
    similarity: (columns.similarity[index] ?? 0) / 1000,
    suppressed,
  };
}
