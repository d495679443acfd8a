/**
 * The message protocol, declared once. Each message has an input schema (validated at runtime on arrival,
 * because content scripts run next to untrusted pages) and an output type. `ToBackground` and `ToContent` are
 * derived from these tables, so a handler map typed with them must cover every message to compile.
 */
import * as v from 'valibot';
import type { Settings } from './settings';
import { limits } from './types';
import type {
  ImportSummary,
  ItemVerdict,
  MessageCopy,
  MuteRow,
  Page,
  PageState,
  RepeatSenderRow,
  StoreStatus,
  TabSummary,
  TemplateRow,
} from './views';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const id = text(limits.maxIdLength);
const site = v.pipe(v.string(), v.minLength(1), v.maxLength(253));
const sender = v.pipe(v.string(), v.minLength(1), v.maxLength(limits.maxIdLength));
/** Within what a `Date` holds (±8.64e15 ms): a time beyond it makes `toISOString` throw where it is shown. */
const time = v.pipe(v.number(), v.finite(), v.minValue(-8.64e15), v.maxValue(8.64e15));
const paging = { query: v.optional(text(200), ''), offset: v.pipe(v.number(), v.integer(), v.minValue(0)) };
const limit = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500));
const senderRef = v.object({ site, sender });
const until = v.optional(time);

export const scrapedItem = v.object({
  id: v.pipe(id, v.minLength(1)),
  sender,
  senderName: v.optional(text(limits.maxIdLength)),
  text: text(limits.maxTextLength),
  permalink: v.optional(text(2048)),
  time: v.optional(time),
});

export const feedbackTarget = v.variant('kind', [
  v.object({ kind: v.literal('sender'), site, sender }),
  v.object({ kind: v.literal('cluster'), clusterId: id }),
]);

/** Who may send a message: any extension context (content scripts included), or extension pages only. */
export type Origin = 'any' | 'extension-page';

/** Messages to the background: input schema, allowed origin. Output types are in `ToBackgroundOutputs`. */
export const toBackgroundSchemas = {
  /** Content: a batch of scraped items; answers one verdict per item, in order. */
  classify: {
    origin: 'any',
    input: v.object({ site, url: text(4096), items: v.pipe(v.array(scrapedItem), v.maxLength(limits.maxBatchSize)) }),
  },
  /** Content: what the adapter sees on this page (for the popup's "This tab" and the badge). */
  reportPageStatus: {
    origin: 'any',
    input: v.object({
      site,
      url: text(4096),
      recognised: v.boolean(),
      read: v.pipe(v.number(), v.integer(), v.minValue(0)),
      canned: v.pipe(v.number(), v.integer(), v.minValue(0)),
      hidden: v.pipe(v.number(), v.integer(), v.minValue(0)),
      /** Messages show but the adapter reads none (or none of their texts): the site's markup changed. */
      layoutChanged: v.optional(v.boolean()),
    }),
  },
  /** Content: mutes, feedback and settings that decide what to hide on this site. */
  getPageState: { origin: 'any', input: v.object({ site }) },
  /** Content and popup: earlier copies of a message, for the chip's explanation. */
  explainMessage: { origin: 'any', input: v.object({ site, id }) },
  /**
   * Content: the in-page strings of the browser's locale, `$1`/`$2` left in place. A content script's first
   * `i18n.getMessage` is a synchronous IPC for the whole bundle (20–50 ms of a page's main thread when the browser
   * is busy, seen in traces of the bench page); asked here, it costs the page one asynchronous message.
   */
  getStrings: { origin: 'any', input: v.object({ keys: v.pipe(v.array(text(64)), v.maxLength(64)) }) },
  muteSender: {
    origin: 'any',
    input: v.object({
      site,
      sender,
      senderName: v.optional(text(limits.maxIdLength)),
      scope: v.picklist(['all', 'canned']),
      until,
    }),
  },
  unmuteSender: { origin: 'any', input: senderRef },
  markNotCanned: { origin: 'any', input: v.object({ target: feedbackTarget }) },
  unmarkNotCanned: { origin: 'extension-page', input: v.object({ target: feedbackTarget }) },
  getTabSummary: { origin: 'extension-page', input: v.object({ tabId: v.pipe(v.number(), v.integer()) }) },
  listRepeatSenders: { origin: 'extension-page', input: v.object({ ...paging, limit }) },
  listTemplates: { origin: 'extension-page', input: v.object({ ...paging, limit }) },
  listMutes: { origin: 'extension-page', input: v.object({}) },
  getSenderCopies: { origin: 'extension-page', input: senderRef },
  getTemplateCopies: { origin: 'extension-page', input: v.object({ clusterId: id }) },
  muteTemplate: { origin: 'extension-page', input: v.object({ clusterId: id, until }) },
  forgetSender: { origin: 'extension-page', input: senderRef },
  getSettings: { origin: 'any', input: v.object({}) },
  updateSettings: { origin: 'extension-page', input: v.object({ settings: v.record(v.string(), v.unknown()) }) },
  setSitePaused: { origin: 'extension-page', input: v.object({ site, paused: v.boolean() }) },
  /** Popup, after `permissions.request` succeeded: run the content script on this origin from now on, and in `tabId` now. */
  enableOnOrigin: {
    origin: 'extension-page',
    input: v.object({ origin: text(300), tabId: v.optional(v.pipe(v.number(), v.integer())) }),
  },
  getStatus: { origin: 'extension-page', input: v.object({}) },
  exportData: { origin: 'extension-page', input: v.object({ includeHistory: v.boolean() }) },
  importData: { origin: 'extension-page', input: v.object({ json: text(limits.maxImportBytes) }) },
  clearAllData: { origin: 'extension-page', input: v.object({ confirm: v.literal(true) }) },
} as const satisfies Record<string, { origin: Origin; input: v.GenericSchema }>;

export interface ToBackgroundOutputs {
  classify: ItemVerdict[];
  reportPageStatus: void;
  getPageState: PageState;
  getStrings: Record<string, string>;
  explainMessage: MessageCopy[];
  muteSender: void;
  unmuteSender: void;
  markNotCanned: void;
  unmarkNotCanned: void;
  getTabSummary: TabSummary;
  listRepeatSenders: Page<RepeatSenderRow>;
  listTemplates: Page<TemplateRow>;
  listMutes: MuteRow[];
  getSenderCopies: MessageCopy[];
  getTemplateCopies: MessageCopy[];
  muteTemplate: void;
  forgetSender: void;
  getSettings: Settings;
  updateSettings: Settings;
  setSitePaused: void;
  enableOnOrigin: void;
  getStatus: StoreStatus;
  exportData: { json: string; fileName: string };
  importData: ImportSummary;
  clearAllData: void;
}

/** Messages to content scripts (broadcast by the background). */
export const toContentSchemas = {
  /** Mutes, feedback or settings changed: re-apply hiding and chips. */
  pageStateChanged: { origin: 'any', input: v.object({ state: v.any() }) },
} as const satisfies Record<string, { origin: Origin; input: v.GenericSchema }>;

export interface ToContentOutputs {
  pageStateChanged: void;
}

type Schemas = Record<string, { origin: Origin; input: v.GenericSchema }>;
export type InputOf<S extends Schemas, K extends keyof S> = v.InferOutput<S[K]['input']>;

export type ToBackground = {
  [K in keyof typeof toBackgroundSchemas]: (input: InputOf<typeof toBackgroundSchemas, K>) => ToBackgroundOutputs[K];
};
export type ToContent = {
  [K in keyof typeof toContentSchemas]: (input: { state: PageState }) => ToContentOutputs[K];
};

/** Compile-time check that every declared message has an output type and vice versa. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const protocolIsComplete: Same<keyof typeof toBackgroundSchemas, keyof ToBackgroundOutputs> &
  Same<keyof typeof toContentSchemas, keyof ToContentOutputs> = true;
