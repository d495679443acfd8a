/** Runs a transaction body so that a failure anywhere aborts the whole transaction (all or nothing). */
import type { IDBPTransaction } from 'idb';
import { isQuotaError } from './quota';
import type { UncannedDb } from './schema';

// biome-ignore lint/suspicious/noExplicitAny: any store list and mode of our schema.
type AnyTx = IDBPTransaction<UncannedDb, any, 'readwrite'>;

export async function inTransaction<T>(tx: AnyTx, body: () => Promise<T>): Promise<T> {
  try {
    const result = await body();
    await tx.done;
    return result;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted by the failed request, or finished.
    }
    const txError: unknown = await tx.done.then(
      () => undefined,
      (reason: unknown) => reason,
    );
    // Some browsers fail the request with a bare AbortError and keep the quota error on the transaction.
    throw isQuotaError(txError) && !isQuotaError(error) ? txError : error;
  }
}

/**
 * `Promise.all(items.map(request))`, except that a request that throws synchronously (a quota error can)
 * does not leave the requests made before it to reject unobserved when the transaction aborts.
 */
export function allRequests<I, T>(items: readonly I[], request: (item: I, index: number) => Promise<T>): Promise<T[]> {
  const pending: Promise<T>[] = [];
  try {
    items.forEach((item, index) => {
      pending.push(request(item, index));
    });
  } catch (error) {
    for (const promise of pending) promise.catch(() => {});
    return Promise.reject(error);
  }
  return Promise.all(pending);
}
