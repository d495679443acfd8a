/**
 * Quality runs on the Stack Exchange comments (a mostly human negative control) and the SMS collection
 * (no senders: every message gets its own sender, so only templates can be found).
 */
import { createEngine } from '../../src/core/index';

/** Share of Stack Exchange comments flagged, with what was flagged. */
export interface NegativeReport {
  readonly messages: number;
  readonly flagged: number;
  readonly share: number;
  readonly examples: readonly string[];
}

/** Runs the engine over Stack Exchange comments (sender = UserId, site "history.stackexchange"). */
export function evaluateStackExchange(rows: readonly { id: string; user: string; text: string }[]): NegativeReport {
  const engine = createEngine();
  const examples: string[] = [];
  for (const row of rows) {
    const verdict = engine.observe({ id: row.id, site: 'history.stackexchange', sender: row.user, text: row.text });
    if (verdict.canned)
      examples.push(`[${verdict.reason} x${verdict.senderCount}/${verdict.templateSenders}] ${row.user}: ${row.text}`);
  }
  return {
    messages: rows.length,
    flagged: examples.length,
    share: examples.length / Math.max(1, rows.length),
    examples,
  };
}

/** Template figures on the SMS collection. */
export interface SmsReport {
  readonly spam: number;
  readonly ham: number;
  readonly spamInTemplate: number;
  readonly hamInTemplate: number;
  readonly spamFlagged: number;
  readonly hamFlagged: number;
}

/**
 * "In a template" = the message joined a cluster holding an earlier message (templateSenders >= 2);
 * "flagged" = the engine's verdict at arrival (templateSenders >= 3 and >= 5 words).
 */
export function evaluateSms(rows: readonly { spam: boolean; text: string }[]): SmsReport {
  const engine = createEngine();
  const counts = { spam: 0, ham: 0, spamInTemplate: 0, hamInTemplate: 0, spamFlagged: 0, hamFlagged: 0 };
  rows.forEach((row, i) => {
    const verdict = engine.observe({ id: String(i), site: 'sms', sender: `sms-${i}`, text: row.text });
    const kind = row.spam ? 'spam' : 'ham';
    counts[kind]++;
    if (verdict.templateSenders >= 2) counts[`${kind}InTemplate`]++;
    if (verdict.canned) counts[`${kind}Flagged`]++;
  });
  return counts;
}
