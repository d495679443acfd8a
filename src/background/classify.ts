/**
 * `classify`: one batch from a content script. Items already stored (a re-render, scrolling back, a reload)
 * get their stored verdict and never count again, unless their text changed (edits.ts); new items go through
 * the engine and are stored with their verdicts and aggregates in one transaction. "Not canned" feedback and
 * `neverFlag` apply on every answer.
 */

import type { Verdict } from '../core';
import type { InputOf, toBackgroundSchemas } from '../shared/messages';
import type { Settings } from '../shared/settings';
import { senderKey } from '../shared/types';
import type { ItemVerdict } from '../shared/views';
import { getDb } from '../store/connection';
import { type FeedbackSets, listFeedback, toFeedbackSets } from '../store/feedback';
import { ingestMessages } from '../store/messages';
import { withQuotaRetry } from '../store/quota';
import type { MessageRecord } from '../store/schema';
import { loadSettings } from '../store/settings';
import { dropEditedTexts } from './edits';
import { dropEngine, type EngineHost, getEngineHost, scheduleSnapshot } from './engine-host';
import { toObserved } from './engine-rebuild';
import { noteBatch } from './idle';
import { withWriteLock } from './lock';
import { countAdded, foldAtPause, freeSpaceAfterQuota } from './maintenance';

type ClassifyInput = InputOf<typeof toBackgroundSchemas, 'classify'>;
type Item = ClassifyInput['items'][number];

/** A message as stored before the engine has judged it. */
export function toRecord(site: string, item: Item, seenAt: number): MessageRecord {
  const record: MessageRecord = {
    site,
    id: item.id,
    sender: item.sender,
    text: item.text,
    time: item.time ?? seenAt,
    seenAt,
    clusterId: '',
    canned: false,
    reason: null,
    senderCount: 1,
    templateSenders: 1,
    similarity: 0,
  };
  if (item.senderName !== undefined) record.senderName = item.senderName;
  if (item.permalink !== undefined) record.permalink = item.permalink;
  return record;
}

/** Stores what the engine would say without feedback; feedback is applied when answering (it can change). */
function withVerdict(record: MessageRecord, verdict: Verdict): MessageRecord {
  const canned = verdict.canned || verdict.suppressed;
  // A suppressed verdict has no reason; the engine reports "both" as repeat-sender, so repeats come first.
  const reason =
    verdict.reason ?? (verdict.suppressed ? (verdict.senderCount > 1 ? 'repeat-sender' : 'template') : null);
  return {
    ...record,
    clusterId: verdict.clusterId,
    canned,
    reason,
    senderCount: verdict.senderCount,
    templateSenders: verdict.templateSenders,
    similarity: verdict.similarity,
  };
}

export function toItemVerdict(record: MessageRecord, settings: Settings, feedback: FeedbackSets): ItemVerdict {
  const key = senderKey(record.site, record.sender);
  const isExempt =
    settings.neverFlag.includes(key) || feedback.senders.has(key) || feedback.clusters.has(record.clusterId);
  const canned = record.canned && !isExempt;
  return {
    id: record.id,
    canned,
    reason: canned ? record.reason : null,
    senderCount: record.senderCount,
    templateSenders: record.templateSenders,
    clusterId: record.clusterId,
    similarity: record.similarity,
  };
}

/**
 * Runs the engine on the candidates not stored yet and stores them, in one transaction; returns every
 * candidate's record (the stored one for known messages), in input order. Call inside the write lock.
 */
export async function ingest(host: EngineHost, candidates: readonly MessageRecord[]): Promise<MessageRecord[]> {
  const judge = (fresh: MessageRecord[]) =>
    fresh.map((record) => withVerdict(record, host.engine.observe(toObserved(record))));
  const pendingSeenAt = Math.min(...candidates.map((record) => record.seenAt));
  // The engine holds every stored message, so only what it knows needs a lookup (re-renders, reloads).
  const isKnown = (record: MessageRecord) => host.engine.has(record.site, record.id);
  try {
    // A retry judges again: the engine answers an id it already holds with its verdict, without counting it twice.
    const { records, added } = await withQuotaRetry(
      () => ingestMessages(host.db, candidates, judge, isKnown).catch(lookUpAll(host, candidates, judge)),
      (error) => freeSpaceAfterQuota(host, error, pendingSeenAt),
    );
    host.lastSeq = Math.max(host.lastSeq, ...added.map((record) => record.seq ?? 0));
    scheduleSnapshot(host, added.length);
    // Aggregates and retention follow after the answer, in the background and in small steps.
    foldAtPause(host.db);
    countAdded(host, added.length);
    return records;
  } catch (error) {
    // Nothing of this batch was stored: the engine must not keep it either. Answer anyway; the page retries.
    console.error('[uncanned] storing a batch failed; history unchanged:', error);
    dropEngine();
    return candidates.map((candidate) => withVerdict(candidate, host.engine.observe(toObserved(candidate))));
  }
}

/** The unique (site, id) index refused a message the engine did not know: look every candidate up instead. */
const lookUpAll =
  (host: EngineHost, candidates: readonly MessageRecord[], judge: (fresh: MessageRecord[]) => MessageRecord[]) =>
  (error: unknown) => {
    if ((error as Error | undefined)?.name !== 'ConstraintError') throw error;
    console.warn('[uncanned] engine and history disagree on a stored message; looking the batch up');
    return ingestMessages(host.db, candidates, judge);
  };

export async function classify({ site, items }: ClassifyInput): Promise<ItemVerdict[]> {
  const settings = await loadSettings();
  if (settings.disabledSites.includes(site)) return items.map((item) => notCanned(item.id));
  // A cold start restores the engine while the feedback is read.
  void getEngineHost();
  const feedback = toFeedbackSets(await listFeedback(await getDb()));
  const seenAt = Date.now();
  noteBatch(seenAt);
  // The same id twice in a batch is one message: its last reading stands (the stored text follows edits).
  const last = new Map(items.map((item) => [item.id, item]));
  const candidates = items.map((item) => toRecord(site, last.get(item.id) ?? item, seenAt));
  const records = await withWriteLock(async () => {
    const host = await getEngineHost();
    await dropEditedTexts(host, candidates);
    return ingest(host, candidates);
  });
  return records.map((record) => toItemVerdict(record, settings, feedback));
}

const notCanned = (id: string): ItemVerdict => ({
  id,
  canned: false,
  reason: null,
  senderCount: 0,
  templateSenders: 0,
  clusterId: '',
  similarity: 0,
});
