/** Shapes the background sends to content scripts and extension pages (types only). */
import type { SiteId } from './types';

export type CannedReason = 'repeat-sender' | 'template';

/** The verdict on one scraped item, as a content script needs it. */
export interface ItemVerdict {
  id: string;
  canned: boolean;
  reason: CannedReason | null;
  /** Copies of this text by this sender, this one included. */
  senderCount: number;
  /** Distinct senders who posted this text. */
  templateSenders: number;
  clusterId: string;
  similarity: number;
}

export type MuteScope = 'all' | 'canned';

/** What a content script needs to decide what to hide on one site. */
export interface PageState {
  site: string;
  paused: boolean;
  cannedAction: 'flag' | 'collapse' | 'hide';
  mutedAction: 'collapse' | 'hide';
  mutes: { sender: string; senderName?: string; scope: MuteScope; until?: number }[];
  notCannedSenders: string[];
  notCannedClusters: string[];
  debug: boolean;
}

/** A part of a template: common text, or a slot whose values vary between copies. */
export type TemplatePart = { kind: 'text'; value: string } | { kind: 'slot'; values: string[] };
/** A word-level difference against a reference copy. */
export type DiffPart = { kind: 'same' | 'added' | 'removed'; value: string };

export interface MessageCopy {
  site: string;
  sender: string;
  senderName?: string;
  id: string;
  text: string;
  permalink?: string;
  time: number;
  /** The site showed no time for it: `time` is when it was read. */
  seen?: true;
  clusterId: string;
  /** Differences against the first copy in the list (absent on the first one). */
  diff?: DiffPart[];
}

export interface RepeatSenderRow {
  site: string;
  sender: string;
  senderName?: string;
  clusterId: string;
  template: TemplatePart[];
  sampleText: string;
  /** Copies of the repeated text. */
  count: number;
  sites: string[];
  firstSeen: number;
  lastSeen: number;
  mute?: { scope: MuteScope; until?: number };
  notCanned: boolean;
}

export interface TemplateRow {
  clusterId: string;
  template: TemplatePart[];
  sampleText: string;
  count: number;
  senderCount: number;
  /** Up to 20 senders, most recent first. */
  senders: { site: string; sender: string; senderName?: string }[];
  sites: string[];
  firstSeen: number;
  lastSeen: number;
  notCanned: boolean;
}

export interface Page<T> {
  total: number;
  items: T[];
}

export interface MuteRow {
  site: string;
  sender: string;
  senderName?: string;
  scope: MuteScope;
  until?: number;
  createdAt: number;
}

export type TabStatus = 'active' | 'no-messages' | 'needs-permission' | 'unsupported' | 'paused';

export interface TabSummary {
  tabId: number;
  site: SiteId | string | null;
  status: TabStatus;
  /** Origin to request when status is `needs-permission`. */
  origin?: string;
  read: number;
  canned: number;
  hidden: number;
}

export interface StoreStatus {
  messages: number;
  senders: number;
  /** Set when a write hit the storage quota and history had to be pruned. */
  quotaWarning: string | null;
}

export interface ImportSummary {
  mutes: number;
  feedback: number;
  settings: boolean;
  messages: number;
}
