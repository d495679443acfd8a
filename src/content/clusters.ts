/**
 * The engine judges each copy as it arrives, so the first copies on a page come back clean or with lower counts.
 * Every copy of the same text (same cluster; for repeats also the same sender) shows the best verdict seen.
 */
import type { ItemVerdict } from '../shared/views';
import type { ItemData } from './adapters/define-adapter';

const maxClusters = 3000;
const keys = (data: ItemData, verdict: ItemVerdict) => [
  `template\n${verdict.clusterId}`,
  `repeat\n${data.sender}\n${verdict.clusterId}`,
];

export class ClusterMemory {
  private readonly canned = new Map<string, ItemVerdict>();

  /** Returns true when the cluster is new or its counts grew (copies on the page need re-marking). */
  remember(data: ItemData, verdict: ItemVerdict): boolean {
    if (!verdict.canned || !verdict.clusterId) return false;
    const [template = '', repeat = ''] = keys(data, verdict);
    const key = verdict.reason === 'template' ? template : repeat;
    const known = this.canned.get(key);
    const merged = {
      ...verdict,
      senderCount: Math.max(verdict.senderCount, known?.senderCount ?? 0),
      templateSenders: Math.max(verdict.templateSenders, known?.templateSenders ?? 0),
    };
    this.canned.set(key, merged);
    if (this.canned.size > maxClusters) this.canned.delete(this.canned.keys().next().value as string);
    return !known || known.senderCount !== merged.senderCount || known.templateSenders !== merged.templateSenders;
  }

  effective(data: ItemData, verdict: ItemVerdict | undefined): ItemVerdict | undefined {
    if (!verdict?.clusterId) return verdict;
    for (const key of keys(data, verdict)) {
      const canned = this.canned.get(key);
      if (canned && (!verdict.canned || verdict.reason === canned.reason)) return { ...canned, id: verdict.id };
    }
    return verdict;
  }
}
