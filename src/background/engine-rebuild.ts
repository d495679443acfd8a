/**
 * A full rebuild of the engine from the stored messages, in arrival order. The engine numbers clusters as it
 * goes, so ids can differ from the stored ones (another engine format): those are written back and the
 * aggregates recomputed, keeping the popup's lists consistent with the engine.
 */
import { createEngine, type DetectionEngine, type EngineConfig } from '../core';
import { rebuildAggregates } from '../store/aggregate-queue';
import type { Db } from '../store/db';
import { rewriteClusterIds } from '../store/derived';
import { listFeedback } from '../store/feedback';
import { forEachMessageAfter } from '../store/messages';
import type { MessageRecord } from '../store/schema';

/** The engine's clock is `seenAt`, the same time retention prunes by. */
export const toObserved = (record: MessageRecord) => ({
  id: record.id,
  site: record.site,
  sender: record.sender,
  text: record.text,
  time: record.seenAt,
});

export async function rebuildEngine(
  db: Db,
  config: EngineConfig,
): Promise<{ engine: DetectionEngine; lastSeq: number }> {
  const engine = createEngine(config);
  // Feedback first: verdicts recorded during the rebuild then match what the user asked for.
  for (const { target } of await listFeedback(db)) engine.addFeedback(target);
  const changed = new Map<number, string>();
  const lastSeq = await forEachMessageAfter(db, 0, (chunk) => {
    for (const message of chunk) {
      const verdict = engine.observe(toObserved(message));
      if (verdict.clusterId !== message.clusterId && message.seq !== undefined)
        changed.set(message.seq, verdict.clusterId);
    }
  });
  if (changed.size > 0) await rewriteClusterIds(db, changed);
  await rebuildAggregates(db);
  return { engine, lastSeq };
}
