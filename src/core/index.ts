/** The one barrel of `core/`: everything other folders may use. */
export type {
  CannedReason,
  Engine,
  EngineConfig,
  EngineSnapshot,
  FeedbackTarget,
  ObservedMessage,
  Verdict,
} from './api';
export { defaultEngineConfig } from './config';
export { createEngine, type DetectionEngine, type EngineStats } from './engine';
export { type NormalizedText, normalizeText } from './normalize';
export { FORMAT_VERSION } from './snapshot';
export { type DiffPart, diffWords, type TemplatePart, templateSlots } from './template-diff';
