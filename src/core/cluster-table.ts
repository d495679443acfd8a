/**
 * Per-cluster counters. Most clusters hold one message, so counters exist only for clusters with two or more
 * live members; a cluster without an entry has exactly one (its leader) or none.
 */

interface ClusterCounts {
  members: number;
  /** Messages per sender number. */
  readonly senders: Map<number, number>;
}

/** Counts after adding a message to its cluster. */
export interface JoinResult {
  /** Messages of this sender in the cluster, the new one included. */
  readonly senderCount: number;
  /** Distinct senders in the cluster, the new one included. */
  readonly distinctSenders: number;
}

/** Member and sender counts of multi-message clusters. */
export class ClusterTable {
  private readonly counts = new Map<number, ClusterCounts>();

  /** Number of clusters with two or more members. */
  get multiMemberClusters(): number {
    return this.counts.size;
  }

  /**
   * Adds a message of `sender` to `cluster`. `leaderSender` is the sender of the cluster's only member when the
   * cluster has no counters yet, or -1 for a brand-new cluster.
   */
  join(cluster: number, sender: number, leaderSender: number): JoinResult {
    let entry = this.counts.get(cluster);
    if (entry === undefined) {
      if (leaderSender < 0) return { senderCount: 1, distinctSenders: 1 };
      entry = { members: 1, senders: new Map([[leaderSender, 1]]) };
      this.counts.set(cluster, entry);
    }
    entry.members++;
    const senderCount = (entry.senders.get(sender) ?? 0) + 1;
    entry.senders.set(sender, senderCount);
    return { senderCount, distinctSenders: entry.senders.size };
  }

  /** Distinct senders and members of a cluster (1 and 1 when it has no counters). */
  describe(cluster: number): { members: number; senders: ReadonlyMap<number, number> | undefined } {
    const entry = this.counts.get(cluster);
    return { members: entry?.members ?? 1, senders: entry?.senders };
  }

  /** All clusters with counters. */
  entries(): IterableIterator<[number, ClusterCounts]> {
    return this.counts.entries();
  }

  clear(): void {
    this.counts.clear();
  }
}
