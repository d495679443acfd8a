/**
 * The popup's ranking, read from the top of a `[count, lastSeen]` index (`byRank`, schema v3) instead of loading
 * and sorting every row: the first page of 10,000 repeat senders costs about a page of reads
 * (docs/benchmarks-popup.md).
 */
import { versionIn } from './aggregates-version';
import type { Db } from './db';
import type { ClusterRecord, SenderClusterRecord } from './schema';

const WEEK = 7 * 24 * 60 * 60 * 1000;

/** How often and how recently: the count, halved for every week since the last copy. Never above the count. */
export const rankScore = (count: number, lastSeen: number, now: number): number =>
  count / (1 + Math.max(0, now - lastSeen) / WEEK);

/** The part of an idb cursor the walk uses (any store's `byRank` index). */
interface RankCursor<T> {
  value: T;
  continue(key?: IDBValidKey): Promise<RankCursor<T> | null>;
}
interface RankIndex<T> {
  openCursor(range: IDBKeyRange, direction: IDBCursorDirection): Promise<RankCursor<T> | null>;
}

/**
 * The `k` best rows by `rankScore`, best first, among rows whose count is at least `minCount`. The index is walked
 * from the highest count down: within one count the newest row scores highest, so once a row misses the page the
 * rest of its count is skipped, and once a count itself cannot beat the page (a score never exceeds its count) the
 * walk ends. Ties keep index order (higher count, then newer, first).
 */
async function topRanked<T>(
  index: RankIndex<T>,
  minCount: number,
  k: number,
  countOf: (row: T) => number,
  scoreOf: (row: T) => number,
): Promise<T[]> {
  const best: { row: T; score: number }[] = [];
  const floor = () => (best.length < k ? Number.NEGATIVE_INFINITY : (best[k - 1]?.score ?? 0));
  if (k <= 0) return [];
  let cursor = await index.openCursor(IDBKeyRange.lowerBound([minCount]), 'prev');
  while (cursor) {
    const row = cursor.value;
    const count = countOf(row);
    if (count <= floor()) break;
    const score = scoreOf(row);
    if (score > floor()) {
      const at = best.findIndex((entry) => entry.score < score);
      best.splice(at === -1 ? best.length : at, 0, { row, score });
      if (best.length > k) best.pop();
      cursor = await cursor.continue();
    } else if (count <= minCount) {
      break;
    } else {
      // The rest of this count scores lower still: go on below it. `[count]` sorts before every `[count, x]`.
      // A new cursor seeks there; `continue([count])` on a backward cursor steps through every skipped row in
      // Chromium (65 ms to skip 10,000 rows).
      cursor = await index.openCursor(IDBKeyRange.bound([minCount], [count], false, true), 'prev');
    }
  }
  return best.map((entry) => entry.row);
}

/** Repeat senders (count ≥ 2), best `k` first. */
export function topRepeatSenders(db: Db, k: number, now: number): Promise<SenderClusterRecord[]> {
  const index = db.transaction('senderClusters').store.index('byRank');
  return topRanked(
    index,
    2,
    k,
    (row) => row.count,
    (row) => rankScore(row.count, row.lastSeen, now),
  );
}

/** Clusters posted by at least `minSenders` senders, best `k` first. */
export function topTemplates(db: Db, minSenders: number, k: number, now: number): Promise<ClusterRecord[]> {
  const index = db.transaction('clusters').store.index('byRank');
  return topRanked(
    index,
    minSenders,
    k,
    (row) => row.senderCount,
    (row) => rankScore(row.senderCount, row.lastSeen, now),
  );
}

/** Every repeat sender row (for searches, which must look at all of them). */
export const allRepeatSenders = (db: Db): Promise<SenderClusterRecord[]> =>
  db.getAllFromIndex('senderClusters', 'byRank', IDBKeyRange.lowerBound([2]));

const TOTALS_KEY = 'listTotals';

interface StoredTotals {
  version: number;
  counts: Record<string, number>;
}

/**
 * Counting walks the whole index (40–75 ms for 10,000 rows in Chromium), so a count is stored in `counters` with the
 * aggregates' version it was read at, and used while that version holds, in this worker life and the next. The
 * background counts again after each fold (`warmListTotals`), off the popup's path.
 */
async function cachedCount(
  db: Db,
  key: string,
  store: 'senderClusters' | 'clusters',
  minCount: number,
): Promise<number> {
  const read = db.transaction('counters');
  const [version, stored] = await Promise.all([
    versionIn(read.store),
    read.store.get(TOTALS_KEY).then((record) => record?.value as StoredTotals | undefined),
  ]);
  const known = stored?.version === version ? stored.counts[key] : undefined;
  if (known !== undefined) return known;
  // The count and the version it belongs to, read in one transaction.
  const counting = db.transaction([store, 'counters']);
  const [count, countedAt] = await Promise.all([
    counting
      .objectStore(store)
      .index('byRank')
      .count(IDBKeyRange.lowerBound([minCount])),
    versionIn(counting.objectStore('counters')),
  ]);
  await storeCount(db, key, count, countedAt).catch(() => {}); // only a cache: a failed write costs a recount
  return count;
}

/** Adds a count to the stored totals, unless the aggregates changed since it was read (checked in the write). */
async function storeCount(db: Db, key: string, count: number, countedAt: number): Promise<void> {
  const tx = db.transaction('counters', 'readwrite');
  const [version, stored] = await Promise.all([
    versionIn(tx.store),
    tx.store.get(TOTALS_KEY).then((record) => record?.value as StoredTotals | undefined),
  ]);
  if (version === countedAt) {
    const counts = stored?.version === version ? { ...stored.counts, [key]: count } : { [key]: count };
    await tx.store.put({ key: TOTALS_KEY, value: { version, counts } satisfies StoredTotals });
  }
  await tx.done;
}

export const countRepeatSenders = (db: Db): Promise<number> => cachedCount(db, 'repeats', 'senderClusters', 2);

export const allTemplates = (db: Db, minSenders: number): Promise<ClusterRecord[]> =>
  db.getAllFromIndex('clusters', 'byRank', IDBKeyRange.lowerBound([minSenders]));

export const countTemplates = (db: Db, minSenders: number): Promise<number> =>
  cachedCount(db, `templates:${minSenders}`, 'clusters', minSenders);
