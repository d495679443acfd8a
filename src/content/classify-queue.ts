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
  /** Failed batches waiting for their second try. */
  private retrying = 0;
  /** Bumped by `clear`: answers to batches sent before it are dropped. */
  private epoch = 0;
  /** Messages whose request failed once: a second failure hands them back without verdicts. */
  private readonly retried = new WeakSet<ItemData>();

  /**
   * `timeoutMs`: a request unanswered this long counts as failed (asked once more, then left clean). Chrome gives
   * up on a message only after minutes, and meanwhile a busy chat's messages would pile up here, texts and all.
   */
  constructor(
    private readonly callbacks: ClassifyCallbacks,
    private readonly retryDelayMs = 2_000,
    private readonly timeoutMs = 30_000,
  ) {}

  get hasWork(): boolean {
    return this.pending.size > 0 && !this.inFlight;
  }

  /** Nothing waits for a verdict: none queued, none asked, none waiting to be asked again. */
  get isIdle(): boolean {
    return this.pending.size === 0 && !this.inFlight && this.retrying === 0;
  }

  add(data: ItemData): void {
    this.pending.set(data.id, data);
  }

  /**
   * The background was restarting or busy: each message is asked once more a little later; after a second failure
   * the pipeline marks it clean rather than retrying forever.
   */
  private failed(batch: ItemData[], epoch: number): void {
    const again = batch.filter((data) => !this.retried.has(data));
    const givenUp = batch.filter((data) => this.retried.has(data));
    if (givenUp.length > 0) this.callbacks.onVerdicts(givenUp, undefined);
    if (again.length === 0) return;
    for (const data of again) this.retried.add(data);
    this.retrying++;
    setTimeout(() => {
      this.retrying--;
      if (epoch !== this.epoch) return;
      for (const data of again) if (!this.pending.has(data.id)) this.pending.set(data.id, data);
      this.callbacks.onSettled(); // asks the pipeline for a tick, which sends them
    }, this.retryDelayMs);
  }

  /** Paused: nothing waiting is sent, and the answer to a batch on its way is ignored (it is asked again later). */
  clear(): void {
    this.pending.clear();
    this.epoch++;
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
    const epoch = this.epoch;
    this.withTimeout(this.callbacks.classify(batch))
      .then(
        (verdicts) => {
          if (epoch === this.epoch) this.callbacks.onVerdicts(batch, verdicts);
        },
        () => {
          if (epoch === this.epoch) this.failed(batch, epoch);
        },
      )
      .finally(() => {
        this.inFlight = false;
        this.callbacks.onSettled();
      });
  }

  private withTimeout(request: Promise<ItemVerdict[]>): Promise<ItemVerdict[]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('classify timed out')), this.timeoutMs);
      request.then(resolve, reject).finally(() => clearTimeout(timer));
    });
  }
}
