/** "Not canned" feedback on a sender or a cluster. Never pruned. */
import type { FeedbackTarget } from '../core/api';
import { senderKey } from '../shared/types';
import type { Db } from './db';
import type { FeedbackRecord } from './schema';

export const feedbackKey = (target: FeedbackTarget): string =>
  target.kind === 'sender' ? `sender:${senderKey(target.site, target.sender)}` : `cluster:${target.clusterId}`;

export async function putFeedback(db: Db, target: FeedbackTarget, now = Date.now()): Promise<void> {
  await db.put('feedback', { key: feedbackKey(target), target, createdAt: now });
}

export async function putFeedbackRecords(db: Db, records: readonly FeedbackRecord[]): Promise<void> {
  const tx = db.transaction('feedback', 'readwrite');
  await Promise.all([...records.map((record) => tx.store.put(record)), tx.done]);
}

export async function deleteFeedback(db: Db, target: FeedbackTarget): Promise<void> {
  await db.delete('feedback', feedbackKey(target));
}

export function listFeedback(db: Db): Promise<FeedbackRecord[]> {
  return db.getAll('feedback');
}

/** Feedback as two lookup sets: sender keys (`site:sender`) and cluster ids. */
export interface FeedbackSets {
  senders: Set<string>;
  clusters: Set<string>;
}

export function toFeedbackSets(records: readonly FeedbackRecord[]): FeedbackSets {
  const sets: FeedbackSets = { senders: new Set(), clusters: new Set() };
  for (const { target } of records) {
    if (target.kind === 'sender') sets.senders.add(senderKey(target.site, target.sender));
    else sets.clusters.add(target.clusterId);
  }
  return sets;
}
