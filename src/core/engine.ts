/**
 * The detection engine. Clustering is greedy leader clustering: a new message joins the cluster of its best
 * verified match (its own sender's best match first, so a repeat sender's copies stay together), or starts a
 * new cluster. A message's cluster never changes afterwards, so cluster ids are stable; the price is that two
 * clusters which later turn out to be near each other are not merged.
 */
import type { Engine, EngineConfig, EngineSnapshot, FeedbackTarget, ObservedMessage, Verdict } from './api';
import { Flag } from './columns';
import { resolveConfig } from './config';
import { Feedback } from './feedback';
import { hash32, hash64 } from './hash';
import { History } from './history';
import { findMatches, type MatchCounters, type MatchResult } from './matcher';
import { SIGNATURE_SIZE, writeSignature } from './minhash';
import { normalizeText } from './normalize';
import { readSnapshot, writeSnapshot } from './snapshot';
import { readVerdict, storeVerdict } from './verdict';

/** Work counters since creation (for benchmarks and diagnostics). */
export interface EngineStats extends MatchCounters {
  observed: number;
  /** Bytes of the typed arrays (columns and indexes), text excluded. */
  indexBytes: number;
  /** UTF-16 code units of stored ids and normalized keys. */
  textChars: number;
}

/** The `Engine` contract plus diagnostics. */
export interface DetectionEngine extends Engine {
  stats(): EngineStats;
  readonly config: EngineConfig;
}

/** Creates an engine, empty or restored from a snapshot (which must have the current `formatVersion`). */
export function createEngine(config?: Partial<EngineConfig>, snapshot?: EngineSnapshot): DetectionEngine {
  const resolved = resolveConfig(config);
  if (snapshot === undefined) return new EngineImpl(resolved, new History(resolved.minWords), 1, new Feedback());
  const restored = readSnapshot(snapshot, resolved.minWords);
  return new EngineImpl(resolved, restored.history, restored.nextCluster, restored.feedback);
}

const TEXT_SEED = 0x7e47;

/**
 * True when `raw` says something else than the held normalized key: not the same words in other case, spacing or
 * punctuation, nor a cut of them. A cut ("…" or "..." at the end) may end inside a word or a link, so its last
 * word goes and links are left out of the comparison.
 */
export function isOtherText(held: string, raw: string): boolean {
  const trimmed = raw.trimEnd();
  const isCut = /(?:…|\.\.\.)$/.test(trimmed);
  const read = isCut ? trimmed.replace(/\S*(?:…|\.\.\.)$/, '') : raw;
  const key = normalizeText(read).key;
  if (key === held) return false;
  if (!isCut) return !held.startsWith(key);
  const words = (value: string) => value.split(' ').filter((token) => token !== '' && !token.startsWith('u:'));
  return !words(held).join(' ').startsWith(words(key).join(' '));
}

const text = (value: unknown): string => (typeof value === 'string' ? value : value == null ? '' : String(value));
// NUL separates site and sender in lookup keys, so it must not occur inside them.
const label = (value: unknown): string => text(value).replaceAll('\u0000', '\ufffd');

class EngineImpl implements DetectionEngine {
  private readonly counters: MatchCounters = { candidates: 0, diceChecks: 0 };
  private observed = 0;

  constructor(
    readonly config: EngineConfig,
    private readonly history: History,
    private nextCluster: number,
    private readonly feedback: Feedback,
  ) {}

  get size(): number {
    return this.history.count;
  }

  observe(message: ObservedMessage): Verdict {
    const site = label(message.site);
    const id = label(message.id);
    const existing = this.history.find(site, id);
    if (existing >= 0) return readVerdict(this.history, existing, this.feedback);
    this.observed++;
    const index = this.reserve(message, site);
    const found = findMatches(this.history, index, this.config, this.counters);
    this.assignCluster(index, found);
    this.history.add(index, id, this.history.keys[index] ?? '');
    return readVerdict(this.history, index, this.feedback);
  }

  has(site: string, id: string): boolean {
    return this.history.find(label(site), label(id)) >= 0;
  }

  /** Normalizes and fingerprints the message into a reserved slot. */
  private reserve(message: ObservedMessage, site: string): number {
    const { history } = this;
    const normalized = normalizeText(text(message.text));
    const index = history.reserve();
    const { columns } = history;
    const hash = hash64(normalized.key);
    columns.time[index] = Number.isFinite(message.time) ? (message.time as number) : Date.now();
    columns.hashLow[index] = hash.low;
    columns.hashHigh[index] = hash.high;
    columns.linkHash[index] = normalized.links.length > 0 ? hash32(normalized.links.join('\n'), 0x2f6b) | 1 : 0;
    columns.textHash[index] = hash32(text(message.text), TEXT_SEED);
    columns.sender[index] = history.senders.intern(site, label(message.sender));
    columns.words[index] = Math.min(normalized.words, 0xffff);
    const hasSignature = this.signMessage(index, normalized.key);
    columns.flags[index] = hasSignature ? Flag.hasSignature : 0;
    history.keys[index] = normalized.key;
    return index;
  }

  /** Copies the signature of an exact copy (same key, same signature) or computes it. */
  private signMessage(index: number, key: string): boolean {
    const { columns, exact } = this.history;
    const copy = exact.find(
      columns.hashLow,
      columns.hashHigh,
      columns.hashLow[index] ?? 0,
      columns.hashHigh[index] ?? 0,
    );
    if (copy < 0 || !((columns.flags[copy] ?? 0) & Flag.hasSignature)) {
      return writeSignature(key, columns.sigs, index * SIGNATURE_SIZE);
    }
    columns.sigs.copyWithin(index * SIGNATURE_SIZE, copy * SIGNATURE_SIZE, (copy + 1) * SIGNATURE_SIZE);
    return true;
  }

  /** Joins the best match's cluster (own sender first) or opens a new one, then stores the verdict. */
  private assignCluster(index: number, found: MatchResult): void {
    const { columns, clusters } = this.history;
    const leader = found.ownId >= 0 ? found.ownId : found.bestId;
    const cluster = leader >= 0 ? (columns.cluster[leader] ?? 0) : this.nextCluster++;
    columns.cluster[index] = cluster;
    const hasCounters = leader >= 0 && clusters.describe(cluster).senders !== undefined;
    const leaderSender = leader >= 0 && !hasCounters ? (columns.sender[leader] ?? 0) : -1;
    const joined = clusters.join(cluster, columns.sender[index] ?? 0, leaderSender);
    const words = columns.words[index] ?? 0;
    const isEligible = words >= this.config.minWords || (columns.linkHash[index] ?? 0) !== 0;
    const counts = { senderCount: joined.senderCount, templateSenders: joined.distinctSenders, isEligible };
    storeVerdict(this.history, index, counts, found, this.config);
  }

  isEdited(site: string, id: string, sender: string, message: string): boolean {
    const { history } = this;
    const index = history.find(label(site), label(id));
    const raw = text(message);
    if (index < 0 || hash32(raw, TEXT_SEED) === history.columns.textHash[index]) return false;
    // Another sender under the same id is another message whose id collides (never an edit): the first one stays.
    if (history.senders.find(label(site), label(sender)) !== history.columns.sender[index]) return false;
    return isOtherText(history.keys[index] ?? '', raw);
  }

  forgetMessages(site: string, ids: readonly string[]): number {
    const { history } = this;
    let dead = 0;
    for (const id of ids) {
      const index = history.find(label(site), label(id));
      if (index < 0 || (history.columns.flags[index] ?? 0) & Flag.dead) continue;
      history.columns.flags[index] = (history.columns.flags[index] ?? 0) | Flag.dead;
      dead++;
    }
    return dead === 0 ? 0 : history.compact();
  }

  forgetSender(site: string, sender: string): void {
    const { history } = this;
    const number = history.senders.find(label(site), label(sender));
    if (number < 0) return;
    for (let i = history.senders.heads[number] ?? -1; i >= 0; i = history.senderPrevious[i] ?? -1) {
      history.columns.flags[i] = (history.columns.flags[i] ?? 0) | Flag.dead;
    }
    history.compact();
  }

  pruneBefore(time: number): number {
    const { columns, count } = this.history;
    let dead = 0;
    for (let i = 0; i < count; i++) {
      if ((columns.time[i] ?? 0) < time) {
        columns.flags[i] = (columns.flags[i] ?? 0) | Flag.dead;
        dead++;
      }
    }
    // Compaction rebuilds every lookup: skip it when nothing is older (a retention check that found nothing).
    return dead === 0 ? 0 : this.history.compact();
  }

  pruneToCount(count: number): number {
    const { columns } = this.history;
    const excess = this.history.count - Math.max(0, Math.floor(count));
    if (excess <= 0) return 0;
    const order = Array.from({ length: this.history.count }, (_, i) => i);
    order.sort((a, b) => (columns.time[a] ?? 0) - (columns.time[b] ?? 0) || a - b);
    for (const i of order.slice(0, excess)) columns.flags[i] = (columns.flags[i] ?? 0) | Flag.dead;
    return this.history.compact();
  }

  addFeedback(target: FeedbackTarget): void {
    this.feedback.add(target);
  }

  removeFeedback(target: FeedbackTarget): void {
    this.feedback.remove(target);
  }

  snapshot(): EngineSnapshot {
    return writeSnapshot(this.history, this.nextCluster, this.feedback);
  }

  stats(): EngineStats {
    const { history } = this;
    const indexBytes = history.byteLength;
    let textChars = 0;
    for (let i = 0; i < history.count; i++) textChars += (history.ids[i]?.length ?? 0) + (history.keys[i]?.length ?? 0);
    return { ...this.counters, observed: this.observed, indexBytes, textChars };
  }
}
