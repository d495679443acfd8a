/** Paging, search and ranking shared by the popup's lists (lists.ts, templates-list.ts). */
import type { Page } from '../shared/views';

export interface Paging {
  query: string;
  offset: number;
  limit: number;
}

/** Copies read to show a text's varying parts: enough to see what varies, cheap for a page of 50 rows. */
export const TEMPLATE_SAMPLE = 12;

const needleOf = (query: string) => query.trim().toLowerCase();
export const matches = (needle: string, ...fields: (string | undefined)[]) =>
  fields.some((field) => field?.toLowerCase().includes(needle));

/** `rows` holds the ranked rows up to at least `offset + limit`; `total` counts them all. */
export async function page<T, R>(
  rows: T[],
  total: number,
  { offset, limit }: Paging,
  map: (rows: T[]) => Promise<R[]>,
): Promise<Page<R>> {
  return { total, items: await map(rows.slice(offset, offset + limit)) };
}

/**
 * The ranked rows up to the end of the page and how many there are: without a query, read from the top of the
 * rank index (a page costs about a page of reads); a search looks at every row and is ranked here by `scoreOf`.
 */
export async function ranked<T>(
  paging: Paging,
  top: (k: number) => Promise<T[]>,
  count: () => Promise<number>,
  searched: (needle: string) => Promise<T[]>,
  scoreOf: (row: T) => number,
): Promise<{ rows: T[]; total: number }> {
  const needle = needleOf(paging.query);
  if (needle !== '') {
    const rows = (await searched(needle)).sort((a, b) => scoreOf(b) - scoreOf(a));
    return { rows, total: rows.length };
  }
  const [rows, total] = await Promise.all([top(paging.offset + paging.limit), count()]);
  return { rows, total };
}
