/**
 * The engine judges each copy as it arrives, so the first copies on a page come back clean or with lower counts.
 * Every copy of the same text (same cluster; for repeats also the same sender) shows the best verdict seen.
 */
import type { ItemVerdict } from '../shared/views';
import type { ItemData } from './adapters/define-adapter';

const maxClusters = 3000;
/** Senders remembered per cluster: a copy-paste wave in a live chat brings a new one with every message. */
const maxSendersPerCluster = 500;

/** The best canned verdicts of one cluster: as a template, and as each sender's repeat. */
interface Best {
  template?: ItemVerdict;
  repeats?: Map<string, ItemVerdict>;
}

export class ClusterMemory {
  /**
   * Keyed by cluster id, then sender: every message has a cluster id and is looked up on each re-mark, and the
   * two strings built per lookup (`cluster\nsender`) were one of the re-mark's largest costs in the CPU profile.
   */
  private readonly canned = new Map<string, Best>();

  /** Returns true when the cluster is new or its counts grew (copies on the page need re-marking). */
  remember(data: ItemData, verdict: ItemVerdict): boolean {
    if (!verdict.canned || !verdict.clusterId) return false;
    let best = this.canned.get(verdict.clusterId);
    // Least recently seen clusters go first; the copies they reached keep their verdict (Verdicts.receive).
    if (best) this.canned.delete(verdict.clusterId);
    else best = {};
    this.canned.set(verdict.clusterId, best);
    if (this.canned.size > maxClusters) this.canned.delete(this.canned.keys().next().value as string);
    const known = verdict.reason === 'template' ? best.template : best.repeats?.get(data.sender);
    const merged = {
      ...verdict,
      senderCount: Math.max(verdict.senderCount, known?.senderCount ?? 0),
      templateSenders: Math.max(verdict.templateSenders, known?.templateSenders ?? 0),
    };
    if (verdict.reason === 'template') best.template = merged;
    else {
      best.repeats ??= new Map();
      best.repeats.delete(data.sender);
      best.repeats.set(data.sender, merged);
      if (best.repeats.size > maxSendersPerCluster) best.repeats.delete(best.repeats.keys().next().value as string);
    }
    return !known || known.senderCount !== merged.senderCount || known.templateSenders !== merged.templateSenders;
  }

  /** Drops what is known of a cluster (it lost a copy); the copies still on the page bring it back. */
  forget(clusterId: string): void {
    this.canned.delete(clusterId);
  }

  effective(data: ItemData, verdict: ItemVerdict | undefined): ItemVerdict | undefined {
    const best = verdict?.clusterId ? this.canned.get(verdict.clusterId) : undefined;
    if (!verdict || !best) return verdict;
    for (const canned of [best.template, best.repeats?.get(data.sender)]) {
      if (canned && (!verdict.canned || verdict.reason === canned.reason)) return { ...canned, id: verdict.id };
    }
    return verdict;
  }
}
