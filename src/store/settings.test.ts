import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../shared/settings';
import { createFakeBrowser, type FakeBrowser } from './testing/fake-browser';

const fake = vi.hoisted(() => ({ browser: undefined as unknown as FakeBrowser }));
vi.mock('../shared/browser', () => ({
  get browser() {
    return fake.browser;
  },
}));

const { loadSettings, migrateSettings, saveSettings, settingsUpdatedAt, updateSettings } = await import('./settings');

beforeEach(() => {
  fake.browser = createFakeBrowser();
});

describe('settings store', () => {
  it('returns the defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual(defaultSettings);
  });

  it('round-trips and stamps the change time', async () => {
    const saved = await saveSettings({ ...defaultSettings, cannedAction: 'hide' }, 1234);
    expect(saved.cannedAction).toBe('hide');
    expect((await loadSettings()).cannedAction).toBe('hide');
    expect(await settingsUpdatedAt()).toBe(1234);
  });

  it('repairs a damaged item on read: unknown keys dropped, bad types replaced', async () => {
    await fake.browser.storage.local.set({
      settings: { version: 1, cannedAction: 'explode', debug: 'yes', extra: 1, retention: { maxDays: 7 } },
    });
    const settings = await loadSettings();
    expect(settings.cannedAction).toBe(defaultSettings.cannedAction);
    expect(settings.debug).toBe(false);
    expect(settings.retention).toEqual({ maxMessages: 100_000, maxDays: 7 });
    expect('extra' in settings).toBe(false);
  });

  it('merges a partial update into nested groups', async () => {
    const updated = await updateSettings({ detection: { minWords: 9 }, syncEnabled: true });
    expect(updated.detection).toEqual({ ...defaultSettings.detection, minWords: 9 });
    expect(updated.syncEnabled).toBe(true);
  });

  it('runs migrations from the stored version up, in order', () => {
    const migrations = {
      0: (raw: Record<string, unknown>) => ({ ...raw, cannedAction: raw.hideCanned ? 'hide' : 'flag' }),
      1: (raw: Record<string, unknown>) => ({ ...raw, debug: raw.cannedAction === 'hide' }),
    };
    expect(migrateSettings({ hideCanned: true }, migrations, 2)).toEqual({
      hideCanned: true,
      cannedAction: 'hide',
      debug: true,
      version: 2,
    });
    // An item already at version 1 skips step 0.
    expect(migrateSettings({ version: 1, cannedAction: 'hide' }, migrations, 2)).toMatchObject({ debug: true });
    expect(migrateSettings('garbage', migrations, 2)).toBe('garbage');
  });
});
