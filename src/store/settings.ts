/**
 * The Settings item in `storage.local`: migrated by version, then `validateSettings` (which drops unknown keys and
 * fixes bad types) on every read, so a damaged item never reaches the rest of the extension.
 */
import { browser } from '../shared/browser';
import { defaultSettings, SETTINGS_VERSION, type Settings, validateSettings } from '../shared/settings';

const KEY = 'settings';
/** When the settings last changed (ms), for sync: the newer side wins. */
const UPDATED_KEY = 'settingsUpdatedAt';

type RawSettings = Record<string, unknown>;
/** `migrations[n]` turns a version-n item into a version-(n+1) item. */
export type SettingsMigrations = Readonly<Record<number, (raw: RawSettings) => RawSettings>>;

/**
 * Version 1 is the first stored shape, so there is no step yet; add `1: (raw) => …` with the next bump of
 * `defaultSettings.version` (and a test in settings.test.ts).
 */
export const settingsMigrations: SettingsMigrations = {};

export function migrateSettings(input: unknown, migrations = settingsMigrations, target = SETTINGS_VERSION): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  let raw = input as RawSettings;
  let version = typeof raw.version === 'number' && Number.isInteger(raw.version) ? raw.version : 0;
  while (version < target) {
    const step = migrations[version];
    if (step) raw = step(raw);
    version += 1;
  }
  return { ...raw, version: target };
}

export async function loadSettings(): Promise<Settings> {
  const items = await browser.storage.local.get(KEY);
  return items[KEY] === undefined ? structuredClone(defaultSettings) : validateSettings(migrateSettings(items[KEY]));
}

/** Validates and stores `settings`; returns what was stored. */
export async function saveSettings(settings: unknown, now = Date.now()): Promise<Settings> {
  const valid = validateSettings(settings);
  await browser.storage.local.set({ [KEY]: valid, [UPDATED_KEY]: now });
  return valid;
}

export async function settingsUpdatedAt(): Promise<number> {
  const items = await browser.storage.local.get(UPDATED_KEY);
  const value = items[UPDATED_KEY];
  return typeof value === 'number' ? value : 0;
}

/** Merges a partial change (from the options page) into the stored settings. */
export async function updateSettings(patch: Record<string, unknown>): Promise<Settings> {
  const current = await loadSettings();
  const merged: Record<string, unknown> = { ...current, ...patch };
  for (const key of ['detection', 'retention'] as const) {
    const part = patch[key];
    if (typeof part === 'object' && part !== null) merged[key] = { ...current[key], ...part };
  }
  return saveSettings(merged);
}

export async function clearSettings(): Promise<void> {
  await browser.storage.local.remove([KEY, UPDATED_KEY]);
}
