/**
 * Public contract of the detection engine. Everything outside `core/` talks to the engine through these types
 * (re-exported from `core/index.ts`); the implementation lives beside them.
 */

/** One scraped message, as the engine sees it. `sender` is a stable id within `site` (a handle, never only a display name). */
export interface ObservedMessage {
  /** Unique within `site` (a comment id or permalink). Re-observing the same (site, id) is idempotent. */
  readonly id: string;
  readonly site: string;
  readonly sender: string;
  readonly text: string;
  /** Milliseconds since the epoch; defaults to the engine clock when absent. */
  readonly time?: number;
}

export type CannedReason = 'repeat-sender' | 'template';

/** The engine's decision on one message, with enough detail for the UI to explain it. */
export interface Verdict {
  readonly id: string;
  readonly canned: boolean;
  /** Why it is canned; `null` when it is not. A message that is both is reported as `repeat-sender`. */
  readonly reason: CannedReason | null;
  /** How many messages this sender has sent in this cluster, this one included (1 = first time). */
  readonly senderCount: number;
  /** How many distinct senders have posted this cluster's text, this one included. */
  readonly templateSenders: number;
  /** Stable id of the near-duplicate cluster this message joined (also for messages that are not canned). */
  readonly clusterId: string;
  /** Ids of earlier messages in the cluster that matched, newest first, at most a handful. */
  readonly matchIds: readonly string[];
  /** Best Dice similarity (0..1) to an earlier message after normalization; 0 when there was none. */
  readonly similarity: number;
  /** True when "not canned" feedback on the sender or the cluster suppressed a flag. */
  readonly suppressed: boolean;
}

/** Tunables. Every field has a default (see `defaultEngineConfig`). */
export interface EngineConfig {
  /** Flag a repeat sender from this many near-identical messages (2 = the second copy is flagged). */
  readonly repeatThreshold: number;
  /** Dice similarity (after normalization) at which two messages are near-identical. */
  readonly similarityThreshold: number;
  /** Distinct senders at which a shared text is flagged as a template. */
  readonly templateSenderThreshold: number;
  /** Messages with fewer words are never flagged unless they carry a link that repeats exactly. */
  readonly minWords: number;
  /** Per-sender history window used for near-duplicate checks. */
  readonly senderWindow: number;
}

/** Feedback target for "not canned". */
export type FeedbackTarget =
  | { readonly kind: 'sender'; readonly site: string; readonly sender: string }
  | { readonly kind: 'cluster'; readonly clusterId: string };

/** A structured-clonable snapshot of the whole engine state (typed arrays allowed), versioned. */
export interface EngineSnapshot {
  readonly formatVersion: number;
  readonly [key: string]: unknown;
}

export interface Engine {
  observe(message: ObservedMessage): Verdict;
  /** True when the history holds a message with this (site, id), so `observe` would only repeat its verdict. */
  has(site: string, id: string): boolean;
  /**
   * True when (site, id) is held from `sender` with another text than `text`: an edit, or "See more" bringing the
   * rest. A shorter reading of the held text (a feed's cut) is not: the fuller one is kept.
   */
  isEdited(site: string, id: string, sender: string, text: string): boolean;
  /** Removes every message of the sender from the history and the index. */
  forgetSender(site: string, sender: string): void;
  /** Removes these messages of `site` (an edited message leaves before its new text comes in). */
  forgetMessages(site: string, ids: readonly string[]): number;
  /** Removes messages older than `time` (ms). Returns how many were removed. */
  pruneBefore(time: number): number;
  /** Keeps at most `count` messages, dropping the oldest. Returns how many were removed. */
  pruneToCount(count: number): number;
  addFeedback(target: FeedbackTarget): void;
  removeFeedback(target: FeedbackTarget): void;
  snapshot(): EngineSnapshot;
  readonly size: number;
}
