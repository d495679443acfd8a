/** Copies of a message, a sender's messages and a template's messages, each with a word diff against a first copy. */
import { diffWords, templateSlots } from '../core';
import type { MessageCopy, TemplatePart } from '../shared/views';
import type { Db } from '../store/db';
import { findMessages, messagesOfCluster, messagesOfSender } from '../store/messages';
import type { MessageRecord } from '../store/schema';

/** Lists never grow past this; the oldest copy is always kept as the reference. */
export const MAX_COPIES = 200;

const byTime = (a: MessageRecord, b: MessageRecord) => a.time - b.time || (a.seq ?? 0) - (b.seq ?? 0);

function toCopy(record: MessageRecord, first?: MessageRecord): MessageCopy {
  const copy: MessageCopy = {
    site: record.site,
    sender: record.sender,
    id: record.id,
    text: record.text,
    time: record.time,
    clusterId: record.clusterId,
  };
  if (record.time === record.seenAt) copy.seen = true; // stored as `item.time ?? seenAt` (classify.ts)
  if (record.senderName !== undefined) copy.senderName = record.senderName;
  if (record.permalink !== undefined) copy.permalink = record.permalink;
  if (first && first !== record) copy.diff = diffWords(first.text, record.text);
  return copy;
}

/** Oldest first; each copy diffed against the first copy of its own cluster. */
export function toCopies(records: readonly MessageRecord[]): MessageCopy[] {
  const sorted = [...records].sort(byTime);
  const kept = sorted.length > MAX_COPIES ? [sorted[0], ...sorted.slice(-(MAX_COPIES - 1))] : sorted;
  const firsts = new Map<string, MessageRecord>();
  return kept
    .filter((record) => record !== undefined)
    .map((record) => {
      const first = firsts.get(record.clusterId) ?? record;
      firsts.set(record.clusterId, first);
      return toCopy(record, first);
    });
}

export async function senderCopies(db: Db, site: string, sender: string): Promise<MessageCopy[]> {
  return toCopies(await messagesOfSender(db, site, sender));
}

export async function templateCopies(db: Db, clusterId: string): Promise<MessageCopy[]> {
  return toCopies(await messagesOfCluster(db, clusterId));
}

/** The copies that made this message canned: its sender's in the cluster for a repeat, the cluster's for a template. */
export async function explainCopies(db: Db, site: string, id: string): Promise<MessageCopy[]> {
  const record = (await findMessages(db, [{ site, id }])).values().next().value;
  if (!record) return [];
  const cluster = await messagesOfCluster(db, record.clusterId);
  const isRepeat = record.reason !== 'template';
  return toCopies(isRepeat ? cluster.filter((copy) => copy.site === site && copy.sender === record.sender) : cluster);
}

/** The template of up to 50 texts (common words and varying slots). */
export function templateOf(records: readonly MessageRecord[]): TemplatePart[] {
  return templateSlots([...records].sort(byTime).map((record) => record.text));
}
