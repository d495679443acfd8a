import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Page } from '../shared/views';
import { firstRows, pageSize } from './page-size';
import { errorText } from './use-async';

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

/** Fetches `count` rows from `offset`, in requests of at most `maxLimit`. */
async function fetchRange<T>(fetch: Fetch<T>, query: string, offset: number, count: number): Promise<Page<T>> {
  const items: T[] = [];
  let total = 0;
  while (items.length < count) {
    const limit = Math.min(maxLimit, count - items.length);
    const page = await fetch({ query, offset: offset + items.length, limit });
    items.push(...page.items);
    total = page.total;
    if (page.items.length < limit) break;
  }
  return { total, items };
}

/** Resolves after the next frame is painted (a frame, then a task). */
const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

/**
 * A new list's first rows alone, painted before the whole range is read (again from the top, as one consistent
 * snapshot: the rank index makes re-reading the first rows cheap). Resolves to false when they are all there is.
 */
async function fetchFirstRows<T>(fetch: Fetch<T>, query: string, onFirst: (page: Page<T>) => void): Promise<boolean> {
  const first = await fetch({ query, offset: 0, limit: firstRows });
  onFirst(first);
  if (first.items.length < firstRows || first.total <= firstRows) return false;
  await afterPaint();
  return true;
}

/**
 * One page at a time, so a history of 10,000 senders renders as fast as one of 50. A new query starts over;
 * a new `version` (after an action) reloads the rows already shown.
 */
export function usePaged<T>(fetch: Fetch<T>, query: string, version: number): PagedState<T> {
  const [state, setState] = useState<Omit<PagedState<T>, 'loadMore'>>({ status: 'loading', items: [], total: 0 });
  const request = useRef(0);
  const shown = useRef(pageSize);

  /** `isNewList`: a first load or a new query (not a reload after an action, which keeps the rows in place). */
  const load = (offset: number, count: number, append: boolean, isNewList = false) => {
    const id = ++request.current;
    setState((previous) => ({ ...previous, status: 'loading' }));
    const isCurrent = () => id === request.current;
    // Still "loading" while only the first rows are in: no "show more" yet.
    const showFirst = (page: Page<T>) => isCurrent() && setState({ status: 'loading', ...page });
    const hasMore = isNewList ? fetchFirstRows(fetch, query, showFirst) : Promise.resolve(true);
    hasMore
      .then((more) => (more && isCurrent() ? fetchRange(fetch, query, offset, count) : undefined))
      .then(
        (page) => {
          if (!page || !isCurrent()) {
            if (isCurrent()) setState((previous) => ({ ...previous, status: 'ready' }));
            return;
          }
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
  const listedQuery = useRef<string | undefined>(undefined);
  // Layout effect: start fetching right after the first render instead of after the first paint.
  useLayoutEffect(() => {
    const isNewList = listedQuery.current !== query;
    listedQuery.current = query;
    load(0, shown.current, false, isNewList);
  }, [query, version]);

  return { ...state, loadMore: () => load(state.items.length, pageSize, true) };
}
