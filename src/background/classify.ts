/**
 * `classify`: one batch from a content script. Items already stored (a re-render, scrolling back, a reload)
 * get their stored verdict and never count again; new items go through the engine and are stored with their
 * verdicts and aggregates in one transaction. "Not canned" feedback and `neverFlag` apply on every answer.
 */
import type { Verdict } from '../core';
import type { InputOf, toBackgroundSchemas } from '../shared/messages';
import type { Settings } from '../shared/settings';
import { senderKey } from '../shared/types';
import type { ItemVerdict } from '../shared/views';
import { type FeedbackSets, listFeedback, toFeedbackSets } from '../store/feedback';
import { addMessages, findMessages, messageKey } from '../store/messages';
import { withQuotaRetry } from '../store/quota';
import type { MessageRecord } from '../store/schema';
import { loadSettings } from '../store/settings';
import { dropEngine, type EngineHost, getEngineHost, scheduleSnapshot } from './engine-host';
import { toObserved } from './engine-rebuild';
import { withWriteLock } from './lock';
import { countAdded, enforceRetention, freeSpaceAfterQuota } from './maintenance';

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
  const reason =
    verdict.reason ?? (verdict.suppressed ? (verdict.templateSenders > 1 ? 'template' : 'repeat-sender') : null);
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
 * Runs the engine on the candidates not stored yet and stores them; returns every candidate's record (the
 * stored one for known messages), in input order. Call inside the write lock.
 */
export async function ingest(host: EngineHost, candidates: readonly MessageRecord[]): Promise<MessageRecord[]> {
  const stored = await findMessages(host.db, candidates);
  const fresh: MessageRecord[] = [];
  const records = candidates.map((candidate) => {
    const known = stored.get(messageKey(candidate));
    if (known) return known;
    const record = withVerdict(candidate, host.engine.observe(toObserved(candidate)));
    stored.set(messageKey(candidate), record); // a duplicate id later in the batch gets this same verdict
    fresh.push(record);
    return record;
  });
  if (fresh.length > 0) await persist(host, fresh);
  return records;
}

async function persist(host: EngineHost, fresh: MessageRecord[]): Promise<void> {
  try {
    const pendingSeenAt = Math.min(...fresh.map((record) => record.seenAt));
    const added = await withQuotaRetry(
      () => addMessages(host.db, fresh),
      (error) => freeSpaceAfterQuota(host, error, pendingSeenAt),
    );
    host.lastSeq = Math.max(host.lastSeq, ...added.map((record) => record.seq ?? 0));
    countAdded(added.length);
    scheduleSnapshot(host, added.length);
    await enforceRetention(host);
  } catch (error) {
    // Nothing of this batch was stored: the engine must not keep it either. Answer anyway; the page retries.
    console.error('[uncanned] storing a batch failed; history unchanged:', error);
    dropEngine();
  }
}

export async function classify({ site, items }: ClassifyInput): Promise<ItemVerdict[]> {
  const settings = await loadSettings();
  if (settings.disabledSites.includes(site)) return items.map((item) => notCanned(item.id));
  const feedback = toFeedbackSets(await listFeedback((await getEngineHost()).db));
  const seenAt = Date.now();
  const candidates = items.map((item) => toRecord(site, item, seenAt));
  const records = await withWriteLock(async () => ingest(await getEngineHost(), candidates));
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
