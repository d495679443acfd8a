/**
 * The export file: `{format: 'uncanned-export', version: 1, exportedAt, settings, mutes, feedback, history?}`.
 * `parseExportFile` checks the WHOLE file before anyone writes anything, and says what is wrong in words.
 */
import * as v from 'valibot';
import { feedbackTarget, scrapedItem } from '../shared/messages';
import { cannedActions, mutedActions, type Settings, validateSettings } from '../shared/settings';
import { limits } from '../shared/types';
import { feedbackKey } from './feedback';
import type { FeedbackRecord } from './schema';

export const EXPORT_FORMAT = 'uncanned-export';
export const EXPORT_VERSION = 1;

/** Up to the last time a `Date` holds (8.64e15 ms): a later one makes `toISOString` throw where it is shown. */
const time = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(8.64e15));
const count = v.pipe(v.number(), v.integer());
const siteId = v.pipe(v.string(), v.minLength(1), v.maxLength(253));
const stringList = v.pipe(v.array(v.pipe(v.string(), v.maxLength(600))), v.maxLength(10_000));

// Every key optional (an older export may lack newer settings), but a key that is present must have the right type.
const settingsSchema = v.partial(
  v.object({
    version: count,
    detection: v.partial(
      v.object({
        repeatThreshold: count,
        similarityThreshold: v.number(),
        templateSenderThreshold: count,
        minWords: count,
      }),
    ),
    cannedAction: v.picklist(cannedActions),
    mutedAction: v.picklist(mutedActions),
    disabledSites: stringList,
    neverFlag: stringList,
    retention: v.partial(v.object({ maxMessages: count, maxDays: count })),
    syncEnabled: v.boolean(),
    debug: v.boolean(),
  }),
);

const muteSchema = v.object({
  site: siteId,
  sender: v.pipe(v.string(), v.minLength(1), v.maxLength(limits.maxIdLength)),
  senderName: v.optional(v.pipe(v.string(), v.maxLength(limits.maxIdLength))),
  scope: v.picklist(['all', 'canned']),
  until: v.optional(time),
  createdAt: time,
});

const feedbackSchema = v.object({ target: feedbackTarget, createdAt: time });

const historySchema = v.object({ ...scrapedItem.entries, site: siteId, time, seenAt: v.optional(time) });

const exportFileSchema = v.object({
  format: v.literal(EXPORT_FORMAT),
  version: v.literal(EXPORT_VERSION),
  exportedAt: time,
  settings: settingsSchema,
  mutes: v.pipe(v.array(muteSchema), v.maxLength(100_000)),
  feedback: v.pipe(v.array(feedbackSchema), v.maxLength(100_000)),
  history: v.optional(v.pipe(v.array(historySchema), v.maxLength(1_000_000))),
});

export type ExportFile = v.InferOutput<typeof exportFileSchema>;
export type ExportedMute = v.InferOutput<typeof muteSchema>;
export type ExportedFeedback = v.InferOutput<typeof feedbackSchema>;
export type ExportedMessage = v.InferOutput<typeof historySchema>;

export class ImportError extends Error {
  override name = 'ImportError';
}

/** "line 3, column 14" for a JSON.parse error, when the engine says where. */
function whereInJson(text: string, error: unknown): string {
  const position = Number(/position (\d+)/.exec(String(error))?.[1]);
  if (!Number.isFinite(position)) return '';
  const before = text.slice(0, position).split('\n');
  return ` at line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

/** Parses and validates an export file; throws ImportError listing up to 10 problems as "field: problem". */
export function parseExportFile(json: string): ExportFile & { settings: Settings } {
  if (json.length > limits.maxImportBytes) {
    throw new ImportError(`File too large: ${json.length} bytes, the limit is ${limits.maxImportBytes}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new ImportError(`Not valid JSON${whereInJson(json, error)}: ${(error as Error).message}`);
  }
  const header = v.safeParse(v.object({ format: v.literal(EXPORT_FORMAT) }), raw);
  if (!header.success) throw new ImportError('format: this is not an Uncanned export file');
  const version = (raw as { version?: unknown }).version;
  if (version !== EXPORT_VERSION) {
    throw new ImportError(`version: ${JSON.stringify(version)} is not supported (this Uncanned reads version 1)`);
  }
  const parsed = v.safeParse(exportFileSchema, raw, { abortPipeEarly: true });
  if (!parsed.success) {
    const problems = parsed.issues.slice(0, 10).map((issue) => `${v.getDotPath(issue) ?? '(file)'}: ${issue.message}`);
    const more = parsed.issues.length > 10 ? ` (and ${parsed.issues.length - 10} more)` : '';
    throw new ImportError(`Invalid export file: ${problems.join('; ')}${more}`);
  }
  return { ...parsed.output, settings: validateSettings(parsed.output.settings) };
}

export function buildExportFile(parts: Omit<ExportFile, 'format' | 'version'>): string {
  const file: ExportFile = { format: EXPORT_FORMAT, version: EXPORT_VERSION, ...parts };
  return JSON.stringify(file, null, 1);
}

/** The stored feedback record for an exported one. */
export function derivedFeedback(item: ExportedFeedback): FeedbackRecord {
  return { key: feedbackKey(item.target), target: item.target, createdAt: item.createdAt };
}
