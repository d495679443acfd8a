import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Page } from '../shared/views';
import { firstRows, pageSize } from './page-size';
import { errorText } from './use-async';

export { pageSize };

/** The background answers at most this many rows per request. */
const maxLimit = 500;

type Fetch<T> = (input: { query: string; offset: number; limit: number }) => Promise<Page<T>>;

export interface PagedState<T> {
  status: 'loading' | 'ready' | 'error';
  items: T[];
  total: number;
  error?: string;
  loadMore: () => void;
}

/** Fetches `count` rows from `offset`; from the top, the first few come alone and are handed to `onFirst`. */
async function fetchRange<T>(
  fetch: Fetch<T>,
  query: string,
  offset: number,
  count: number,
  onFirst?: (page: Page<T>) => void,
): Promise<Page<T>> {
  const items: T[] = [];
  let total = 0;
  while (items.length < count) {
    const step = onFirst && offset === 0 && items.length === 0 ? firstRows : maxLimit;
    const limit = Math.min(step, count - items.length);
    const page = await fetch({ query, offset: offset + items.length, limit });
    items.push(...page.items);
    total = page.total;
    if (page.items.length < limit) break;
    if (items.length === page.items.length && items.length < count) onFirst?.({ total, items: [...items] });
  }
  return { total, items };
}

/**
 * One page at a time, so a history of 10,000 senders renders as fast as one of 50. A new query starts over;
 * a new `version` (after an action) reloads the rows already shown.
 */
export function usePaged<T>(fetch: Fetch<T>, query: string, version: number): PagedState<T> {
  const [state, setState] = useState<Omit<PagedState<T>, 'loadMore'>>({ status: 'loading', items: [], total: 0 });
  const request = useRef(0);
  const shown = useRef(pageSize);

  const load = (offset: number, count: number, append: boolean) => {
    const id = ++request.current;
    setState((previous) => ({ ...previous, status: 'loading' }));
    // A fresh list shows its first rows while the rest of the page is read (still "loading": no "show more" yet).
    const onFirst = append
      ? undefined
      : (page: Page<T>) => id === request.current && setState({ status: 'loading', ...page });
    fetchRange(fetch, query, offset, count, onFirst).then(
      (page) => {
        if (id !== request.current) return;
        setState((previous) => {
          const items = append ? [...previous.items, ...page.items] : page.items;
          shown.current = Math.max(pageSize, items.length);
          return { status: 'ready', items, total: page.total };
        });
      },
      (error: unknown) =>
        id === request.current && setState((previous) => ({ ...previous, status: 'error', error: errorText(error) })),
    );
  };

  useLayoutEffect(() => {
    shown.current = pageSize;
  }, [query]);
  // Layout effect: start fetching right after the first render instead of after the first paint.
  useLayoutEffect(() => load(0, shown.current, false), [query, version]);

  return { ...state, loadMore: () => load(state.items.length, pageSize, true) };
}
