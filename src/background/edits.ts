/**
 * A message read again with another text under the same id (an edit, "See more" bringing the rest, a benign
 * comment later edited into a pitch) is judged again: its old text leaves the history, the engine and the
 * aggregates, then the batch stores the new one as it would a new message. Only the page's text is trusted, so a
 * shorter reading of the same text (a feed that cuts it) keeps the fuller one (`Engine.isEdited`). Removing from
 * the engine compacts it once per batch (83–113 ms for one message of 100,000 here): edits are rare, and a page asks
 * again for one message at most three times.
 */
import { deleteMessages, findMessages } from '../store/messages';
import type { MessageRecord } from '../store/schema';
import type { EngineHost } from './engine-host';

/** Call inside the write lock, before the batch is ingested. Returns how many stored messages were replaced. */
export async function dropEditedTexts(host: EngineHost, candidates: readonly MessageRecord[]): Promise<number> {
  const edited = new Map<string, MessageRecord>();
  for (const candidate of candidates)
    if (host.engine.isEdited(candidate.site, candidate.id, candidate.sender, candidate.text))
      edited.set(candidate.id, candidate);
  if (edited.size === 0) return 0;
  const [first] = edited.values();
  const site = first?.site ?? '';
  const ids = [...edited.keys()];
  try {
    // With its journal entry, in one transaction: a restore from an older snapshot must not bring the old text back.
    const stored = await findMessages(host.db, [...edited.values()]);
    await deleteMessages(host.db, [...stored.values()], { op: 'forgetMessages', site, ids });
  } catch (error) {
    // The old text stays (stored and in the engine): the message keeps its first verdict, nothing is lost.
    console.error('[uncanned] replacing an edited message failed; its first text stays:', error);
    return 0;
  }
  return host.engine.forgetMessages(site, ids);
}
