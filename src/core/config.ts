import type { EngineConfig } from './api';

/** Defaults from the issue and detection.md §7: second near-identical copy, Dice 0.8, 3 senders, 5 words. */
export const defaultEngineConfig: EngineConfig = Object.freeze({
  repeatThreshold: 2,
  similarityThreshold: 0.8,
  templateSenderThreshold: 3,
  minWords: 5,
  senderWindow: 200,
});

/** Fills in defaults and rejects values that would make the engine misbehave. */
export function resolveConfig(partial: Partial<EngineConfig> = {}): EngineConfig {
  const config = { ...defaultEngineConfig, ...withoutUndefined(partial) };
  const isCount = (value: number): boolean => Number.isInteger(value) && value >= 1;
  if (!isCount(config.repeatThreshold) || !isCount(config.templateSenderThreshold)) {
    throw new RangeError('repeatThreshold and templateSenderThreshold must be integers >= 1');
  }
  if (!(config.similarityThreshold > 0 && config.similarityThreshold <= 1)) {
    throw new RangeError('similarityThreshold must be in (0, 1]');
  }
  if (!Number.isInteger(config.minWords) || config.minWords < 0 || !isCount(config.senderWindow)) {
    throw new RangeError('minWords must be an integer >= 0 and senderWindow an integer >= 1');
  }
  return Object.freeze(config);
}

function withoutUndefined(partial: Partial<EngineConfig>): Partial<EngineConfig> {
  return Object.fromEntries(Object.entries(partial).filter(([, value]) => value !== undefined));
}
