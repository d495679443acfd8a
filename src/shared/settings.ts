/**
 * Settings schema: the defaults object is the schema (`Settings = typeof defaultSettings`). Pure data and
 * validation, no storage: `store/settings.ts` reads and writes it.
 */
export const cannedActions = ['flag', 'collapse', 'hide'] as const;
export const mutedActions = ['collapse', 'hide'] as const;

export const defaultSettings = {
  version: 1,
  detection: {
    repeatThreshold: 2,
    similarityThreshold: 0.8,
    templateSenderThreshold: 3,
    minWords: 5,
  },
  cannedAction: 'flag' as (typeof cannedActions)[number],
  mutedAction: 'collapse' as (typeof mutedActions)[number],
  /** Site ids (or origins for any-host sites) where Uncanned is paused. */
  disabledSites: [] as string[],
  /** Sender keys (`site:sender`) that are never flagged. */
  neverFlag: [] as string[],
  retention: { maxMessages: 100_000, maxDays: 180 },
  syncEnabled: false,
  debug: false,
};

export type Settings = typeof defaultSettings;
export const SETTINGS_VERSION = defaultSettings.version;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Returns a valid Settings object from anything: unknown keys are dropped, values of the wrong type fall back to
 * the default, numbers are clamped to sane ranges.
 */
export function validateSettings(input: unknown): Settings {
  const raw = isPlainObject(input) ? input : {};
  const detection = isPlainObject(raw.detection) ? raw.detection : {};
  const retention = isPlainObject(raw.retention) ? raw.retention : {};
  const d = defaultSettings;
  return {
    version: SETTINGS_VERSION,
    detection: {
      repeatThreshold: clampInt(detection.repeatThreshold, 2, 50, d.detection.repeatThreshold),
      similarityThreshold: clampNumber(detection.similarityThreshold, 0.5, 1, d.detection.similarityThreshold),
      templateSenderThreshold: clampInt(
        detection.templateSenderThreshold,
        2,
        1000,
        d.detection.templateSenderThreshold,
      ),
      minWords: clampInt(detection.minWords, 1, 50, d.detection.minWords),
    },
    cannedAction: oneOf(raw.cannedAction, cannedActions, d.cannedAction),
    mutedAction: oneOf(raw.mutedAction, mutedActions, d.mutedAction),
    disabledSites: stringList(raw.disabledSites),
    neverFlag: stringList(raw.neverFlag),
    retention: {
      maxMessages: clampInt(retention.maxMessages, 1000, 1_000_000, d.retention.maxMessages),
      maxDays: clampInt(retention.maxDays, 1, 3650, d.retention.maxDays),
    },
    syncEnabled: typeof raw.syncEnabled === 'boolean' ? raw.syncEnabled : d.syncEnabled,
    debug: typeof raw.debug === 'boolean' ? raw.debug : d.debug,
  };
}

function clampNumber(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

function clampInt(value: unknown, min: number, max: number, fallback: number): number {
  return Math.round(clampNumber(value, min, max, fallback));
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.find((item) => item === value) ?? fallback;
}

function stringList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const strings = value.filter((item): item is string => typeof item === 'string' && item.length <= 600);
  return [...new Set(strings)].slice(0, 10_000);
}
