/**
 * Batched classification (peers.md §5.8): one request at a time, up to `maxBatch` messages, each message id once.
 * Verdicts are handed back; the pipeline re-marks the affected elements in its own time-boxed ticks.
 */
import { limits } from '../shared/types';
import type { ItemVerdict } from '../shared/views';
import type { ItemData } from './adapters/define-adapter';

/**
 * Messages per request, well under what the background accepts (`limits.maxBatchSize`): `runtime.sendMessage`
 * serialises the batch synchronously, outside the tick's budget. At 500 comments (~127 kB) one call took 1–34 ms
 * on the 5,000-comment bench page (the machine busy with the background's classification); at 100, at most 6 ms,
 * for about the same total.
 */
export const maxBatch = Math.min(100, limits.maxBatchSize);

export interface ClassifyCallbacks {
  classify(items: ItemData[]): Promise<ItemVerdict[]>;
  /** Verdicts for (some of) the batch; on failure, `verdicts` is undefined. */
  onVerdicts(batch: ItemData[], verdicts: ItemVerdict[] | undefined): void;
  /** A request finished (either way): more may be sent now. */
  onSettled(): void;
}

export class ClassifyQueue {
  private readonly pending = new Map<string, ItemData>();
  private inFlight = false;

  constructor(private readonly callbacks: ClassifyCallbacks) {}

  get hasWork(): boolean {
    return this.pending.size > 0 && !this.inFlight;
  }

  add(data: ItemData): void {
    this.pending.set(data.id, data);
  }

  send(): void {
    if (this.inFlight || this.pending.size === 0) return;
    const batch: ItemData[] = [];
    for (const data of this.pending.values()) {
      batch.push(data);
      if (batch.length >= maxBatch) break;
    }
    for (const data of batch) this.pending.delete(data.id);
    this.inFlight = true;
    this.callbacks
      .classify(batch)
      .then(
        (verdicts) => this.callbacks.onVerdicts(batch, verdicts),
        // Background busy or restarting: the pipeline marks these clean rather than retrying forever.
        () => this.callbacks.onVerdicts(batch, undefined),
      )
      .finally(() => {
        this.inFlight = false;
        this.callbacks.onSettled();
      });
  }
}
