import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../shared/settings';
import { buildExportFile, ImportError, parseExportFile } from './export-file';

const good = {
  exportedAt: 1,
  settings: { ...defaultSettings, cannedAction: 'hide' as const },
  mutes: [{ site: 'x', sender: 'bob', scope: 'all' as const, until: 50, createdAt: 1 }],
  feedback: [{ target: { kind: 'cluster' as const, clusterId: 'c1' }, createdAt: 2 }],
};

const withChange = (change: (file: Record<string, unknown>) => void) => {
  const file = JSON.parse(buildExportFile(good)) as Record<string, unknown>;
  change(file);
  return JSON.stringify(file);
};

describe('export file', () => {
  it('round-trips mutes, feedback and settings, history optional', () => {
    const parsed = parseExportFile(buildExportFile(good));
    expect(parsed).toMatchObject({ format: 'uncanned-export', version: 1, mutes: good.mutes, feedback: good.feedback });
    expect(parsed.settings.cannedAction).toBe('hide');
    expect(parsed.history).toBeUndefined();
    const history = [{ site: 'x', id: '1', sender: 'a', text: 'hi', time: 5, seenAt: 6 }];
    expect(parseExportFile(buildExportFile({ ...good, history })).history).toEqual(history);
  });

  it('fills missing settings with defaults (an older export)', () => {
    const parsed = parseExportFile(withChange((file) => (file.settings = { debug: true })));
    expect(parsed.settings).toEqual({ ...defaultSettings, debug: true });
  });

  it.each([
    [
      'corrupt JSON, with where',
      '{"format": "uncanned-export",\n  "version": 1,,}',
      /Not valid JSON at line 2, column 16/,
    ],
    ['another file', '{"hello": 1}', /^format: this is not an Uncanned export file/],
    ['a JSON array', '[]', /^format:/],
    ['a newer version', withChange((file) => (file.version = 2)), /^version: 2 is not supported/],
    [
      'a mute of the wrong type',
      withChange((file) => (file.mutes = [{ site: 'x', sender: 5 }])),
      /mutes\.0\.sender: .*string/,
    ],
    ['a bad scope', withChange((file) => (file.mutes = [{ ...good.mutes[0], scope: 'some' }])), /mutes\.0\.scope:/],
    ['a setting of the wrong type', withChange((file) => (file.settings = { debug: 'yes' })), /settings\.debug:/],
    ['feedback without a target', withChange((file) => (file.feedback = [{ createdAt: 1 }])), /feedback\.0\.target:/],
    [
      'history with a huge text',
      withChange((file) => (file.history = [{ site: 'x', id: '1', sender: 'a', text: 'a'.repeat(20_001), time: 1 }])),
      /history\.0\.text:/,
    ],
    [
      'history with a time no date holds (the popup would fail to show it)',
      withChange((file) => (file.history = [{ site: 'x', id: '1', sender: 'a', text: 'hi', time: 1e20 }])),
      /history\.0\.time:/,
    ],
    ['missing mutes', withChange((file) => delete file.mutes), /mutes:/],
  ])('rejects %s with a clear message', (_name, json, message) => {
    expect(() => parseExportFile(json)).toThrow(ImportError);
    expect(() => parseExportFile(json)).toThrow(message);
  });

  it('lists several problems at once, capped', () => {
    const json = withChange((file) => (file.mutes = Array.from({ length: 12 }, () => ({ site: 1 }))));
    expect(() => parseExportFile(json)).toThrow(/and \d+ more/);
  });

  it('rejects a file over the size limit before parsing it', () => {
    const huge = ' '.repeat(64 * 1024 * 1024 + 1);
    expect(() => parseExportFile(huge)).toThrow(/File too large/);
  });
});
