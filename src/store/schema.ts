/** Record shapes kept in IndexedDB (types only). See `db.ts` for stores, indexes and versions. */
import type { DBSchema } from 'idb';
import type { EngineSnapshot, FeedbackTarget } from '../core/api';
import type { CannedReason, MuteRow } from '../shared/views';

/** One observed message with the verdict it got when first seen. `seq` orders messages by arrival. */
export interface MessageRecord {
  seq?: number;
  site: string;
  id: string;
  sender: string;
  senderName?: string;
  text: string;
  permalink?: string;
  /** When it was posted if the page said so, else when it was first seen. */
  time: number;
  /** When Uncanned first saw it; retention and the engine clock use this. */
  seenAt: number;
  clusterId: string;
  canned: boolean;
  reason: CannedReason | null;
  senderCount: number;
  templateSenders: number;
  similarity: number;
}

/** Per-sender totals (derived from messages). */
export interface SenderRecord {
  site: string;
  sender: string;
  senderName?: string;
  messages: number;
  canned: number;
  firstSeen: number;
  lastSeen: number;
}

/** How often one sender posted into one cluster (derived); `count >= 2` is a repeat. */
export interface SenderClusterRecord {
  clusterId: string;
  site: string;
  sender: string;
  senderName?: string;
  count: number;
  sampleText: string;
  firstSeen: number;
  lastSeen: number;
}

/** A near-duplicate cluster (derived); `senderCount >= 2` is a shared template. */
export interface ClusterRecord {
  clusterId: string;
  count: number;
  senderCount: number;
  sampleText: string;
  firstSeen: number;
  lastSeen: number;
}

/** A mute is stored exactly as the popup lists it. */
export type MuteRecord = MuteRow;

export interface FeedbackRecord {
  key: string;
  target: FeedbackTarget;
  createdAt: number;
}

/** The engine's snapshot plus the last message `seq` it contains, so restore replays only newer messages. */
export interface SnapshotRecord {
  name: 'engine';
  formatVersion: number;
  lastSeq: number;
  savedAt: number;
  data: EngineSnapshot;
}

export interface MetaRecord {
  key: string;
  value: unknown;
}

/** What a content script last reported for a tab (v2; fallback when `storage.session` is missing). */
/** What one frame's content script last reported. */
export interface FrameReport {
  site: string;
  url: string;
  recognised: boolean;
  read: number;
  canned: number;
  hidden: number;
  /** Messages show but the adapter reads none of them (absent in reports from before it was asked). */
  layoutChanged?: boolean;
}

/** A tab's reports: counts summed over its frames (comments and a live chat, a blog and its Disqus embed). */
export interface TabRecord extends FrameReport {
  tabId: number;
  updatedAt: number;
  /** By frame id; absent in records stored before frames were told apart. */
  frames?: Record<string, FrameReport>;
}

export interface UncannedDb extends DBSchema {
  messages: {
    key: number;
    value: MessageRecord;
    indexes: {
      bySiteId: [string, string];
      bySender: [string, string];
      byCluster: string;
      bySeenAt: number;
    };
  };
  senders: { key: [string, string]; value: SenderRecord; indexes: { byLastSeen: number } };
  senderClusters: {
    key: [string, string, string];
    value: SenderClusterRecord;
    indexes: { bySender: [string, string]; byLastSeen: number; byRank: [number, number] };
  };
  clusters: { key: string; value: ClusterRecord; indexes: { byLastSeen: number; byRank: [number, number] } };
  mutes: { key: [string, string]; value: MuteRecord; indexes: { byUntil: number } };
  feedback: { key: string; value: FeedbackRecord };
  engine: { key: string; value: SnapshotRecord };
  meta: { key: string; value: MetaRecord };
  /** The aggregates' version and the lists' totals read at it (v3; apart from meta, which snapshot saves hold). */
  counters: { key: string; value: MetaRecord };
  tabs: { key: number; value: TabRecord };
}

/** Stores holding history and its derived aggregates (cleared together, pruned together). */
export const historyStores = ['messages', 'senders', 'senderClusters', 'clusters'] as const;
