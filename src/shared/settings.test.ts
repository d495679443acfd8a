import { describe, expect, it } from 'vitest';
import { defaultSettings, validateSettings } from './settings';

describe('validateSettings', () => {
  it('returns the defaults for anything that is not an object', () => {
    for (const input of [undefined, null, 42, 'x', []]) expect(validateSettings(input)).toEqual(defaultSettings);
  });

  it('keeps valid values, drops unknown keys and fixes wrong types', () => {
    const result = validateSettings({
      cannedAction: 'hide',
      mutedAction: 'explode',
      detection: { minWords: '3', similarityThreshold: 0.9 },
      neverFlag: ['x:bob', 7, 'x:bob'],
      extra: true,
    });
    expect(result.cannedAction).toBe('hide');
    expect(result.mutedAction).toBe(defaultSettings.mutedAction);
    expect(result.detection).toEqual({ ...defaultSettings.detection, similarityThreshold: 0.9 });
    expect(result.neverFlag).toEqual(['x:bob']);
    expect(result).not.toHaveProperty('extra');
  });

  it('clamps numbers to safe ranges', () => {
    const result = validateSettings({
      detection: { repeatThreshold: -5, similarityThreshold: 7 },
      retention: { maxDays: 1e9 },
    });
    expect(result.detection.repeatThreshold).toBe(2);
    expect(result.detection.similarityThreshold).toBe(1);
    expect(result.retention.maxDays).toBe(3650);
  });
});
