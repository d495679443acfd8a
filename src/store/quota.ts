/**
 * Quota errors. A full disk surfaces as a `QuotaExceededError` on the request, or as an `AbortError` of the
 * transaction whose `error` (or message) names the quota, depending on the browser.
 */
const isNamed = (error: unknown, name: string): error is Error =>
  typeof error === 'object' && error !== null && (error as Error).name === name;

export function isQuotaError(error: unknown): boolean {
  if (isNamed(error, 'QuotaExceededError')) return true;
  if (!isNamed(error, 'AbortError')) return false;
  const cause = (error as Error & { cause?: unknown }).cause;
  return isQuotaError(cause) || /quota/i.test(error.message);
}

/**
 * Runs `write`; on a quota error calls `freeSpace` and tries again (once by default). Other errors, and a
 * quota error that persists, are rethrown: each write is one transaction, so a failed one changed nothing.
 */
export async function withQuotaRetry<T>(
  write: () => Promise<T>,
  freeSpace: (error: Error) => Promise<void>,
  retries = 1,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (!isQuotaError(error) || attempt >= retries) throw error;
      await freeSpace(error as Error);
    }
  }
}
