/**
 * YouTube Spam Collection quality run: one engine over files 01..05 in row order, site "youtube" (one site:
 * the same display name posting on several videos is what a canned-reply detector should connect), sender =
 * AUTHOR, text = CONTENT as scraped (the engine decodes entities and drops U+FEFF itself).
 */
import { createEngine, type EngineConfig, type Verdict } from '../../src/core/index';
import type { YoutubeComment } from './datasets';

/** Figures of one run. */
export interface YoutubeReport {
  readonly messages: number;
  readonly replays: number;
  readonly flagged: number;
  readonly flaggedSpam: number;
  readonly precision: number;
  readonly repeatTruth: number;
  readonly repeatFlagged: number;
  readonly repeatRecall: number;
  readonly byReason: Readonly<Record<string, number>>;
  readonly falsePositives: readonly string[];
  readonly missedRepeats: readonly string[];
}

const simple = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim();
const hasLink = (text: string): boolean => /https?:\/\/|www\./i.test(text);

/** Runs the engine over the comments and measures precision against CLASS and exact-repeat recall. */
export function evaluateYoutube(comments: readonly YoutubeComment[], config?: Partial<EngineConfig>): YoutubeReport {
  const engine = createEngine(config);
  const seenIds = new Set<string>();
  const earlier = new Set<string>();
  let replays = 0;
  let flagged = 0;
  let flaggedSpam = 0;
  let repeatTruth = 0;
  let repeatFlagged = 0;
  const byReason: Record<string, number> = {};
  const falsePositives: string[] = [];
  const missedRepeats: string[] = [];
  for (const comment of comments) {
    const verdict: Verdict = engine.observe({
      id: comment.id,
      site: 'youtube',
      sender: comment.author,
      text: comment.text,
    });
    if (seenIds.has(comment.id)) {
      replays++;
      continue;
    }
    seenIds.add(comment.id);
    const exactKey = `${comment.author}\u0000${simple(comment.text)}`;
    const isLong = comment.text.trim().split(/\s+/).length >= 5 || hasLink(comment.text);
    if (isLong && earlier.has(exactKey)) {
      repeatTruth++;
      if (verdict.canned) repeatFlagged++;
      else missedRepeats.push(`${comment.author}: ${comment.text}`);
    }
    earlier.add(exactKey);
    if (!verdict.canned) continue;
    flagged++;
    byReason[verdict.reason ?? 'none'] = (byReason[verdict.reason ?? 'none'] ?? 0) + 1;
    if (comment.spam) flaggedSpam++;
    else falsePositives.push(`[${verdict.reason}] ${comment.author}: ${comment.text}`);
  }
  const precision = flagged === 0 ? 1 : flaggedSpam / flagged;
  const repeatRecall = repeatTruth === 0 ? 1 : repeatFlagged / repeatTruth;
  return {
    messages: comments.length,
    replays,
    flagged,
    flaggedSpam,
    precision,
    repeatTruth,
    repeatFlagged,
    repeatRecall,
    byReason,
    falsePositives,
    missedRepeats,
  };
}
