import type { FeedbackTarget } from './api';
import { senderKey } from './sender-table';

/** "Not canned" feedback: senders and clusters whose flags are suppressed. */
export class Feedback {
  readonly senders = new Set<string>();
  readonly clusters = new Set<string>();

  add(target: FeedbackTarget): void {
    if (target.kind === 'sender') this.senders.add(senderKey(target.site, target.sender));
    else this.clusters.add(target.clusterId);
  }

  remove(target: FeedbackTarget): void {
    if (target.kind === 'sender') this.senders.delete(senderKey(target.site, target.sender));
    else this.clusters.delete(target.clusterId);
  }

  /** True when feedback covers this sender or this cluster. */
  covers(site: string, sender: string, clusterId: string): boolean {
    return this.clusters.has(clusterId) || this.senders.has(senderKey(site, sender));
  }
}
