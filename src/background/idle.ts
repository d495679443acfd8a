/**
 * Pauses between classify batches. Background work that needs the write lock for a while (snapshot copies,
 * retention chunks) waits for one, so it does not delay a page waiting for its verdicts; a steady stream of
 * batches only postpones it by `maxWaitMs`.
 */
const PAUSE_MS = 300;
let lastBatchAt = 0;

export function noteBatch(now = Date.now()): void {
  lastBatchAt = now;
}

/** Resolves once no batch arrived for PAUSE_MS, or after `maxWaitMs` at most. */
export async function waitForPause(maxWaitMs: number): Promise<void> {
  const began = Date.now();
  for (;;) {
    const now = Date.now();
    const quietFor = now - lastBatchAt;
    if (quietFor >= PAUSE_MS || now - began >= maxWaitMs) return;
    await new Promise((resolve) => setTimeout(resolve, Math.min(PAUSE_MS - quietFor, maxWaitMs - (now - began))));
  }
}
