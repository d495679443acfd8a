/**
 * One queue for work that changes the history or the engine: classify batches from many tabs, forget, prune,
 * import. Each task sees the engine and the database as the previous one left them.
 */
let tail: Promise<unknown> = Promise.resolve();

export function withWriteLock<T>(task: () => Promise<T>): Promise<T> {
  const result = tail.then(task, task);
  tail = result.catch(() => {});
  return result;
}
