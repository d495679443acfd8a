import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { formatCount } from '../format';
import type { PagedState } from '../use-paged';
import { Empty, ErrorBox, Loading } from './states';

interface Props<T> {
  state: PagedState<T>;
  label: string;
  empty: { title: string; hint?: string };
  query: string;
  children: (item: T) => ComponentChildren;
}

/** Rows rendered in the first frame: more than a 600 px popup shows, far fewer than a page. */
const FIRST_FRAME_ROWS = 10;

/**
 * How many rows to render: the first few at once, all of them after the first paint (a frame, then a task), so the
 * popup shows its first rows without waiting for the whole page of 50 to be built.
 */
function useRenderedCount(count: number): number {
  const [all, setAll] = useState(false);
  useEffect(() => {
    if (all || count <= FIRST_FRAME_ROWS) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setAll(true));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [all, count]);
  return all ? count : Math.min(count, FIRST_FRAME_ROWS);
}

/** A list fetched one page at a time, with its loading, empty and error states and a "show more" button. */
export function PagedList<T>({ state, label, empty, query, children }: Props<T>) {
  const rendered = useRenderedCount(state.items.length);
  if (state.status === 'loading' && state.items.length === 0) return <Loading />;
  if (state.status === 'error' && state.items.length === 0) return <ErrorBox message={state.error ?? ''} />;
  if (state.items.length === 0) {
    return query ? <Empty title={t('noMatches', query)} hint={t('noMatchesHint')} /> : <Empty {...empty} />;
  }
  const remaining = state.total - state.items.length;
  return (
    <>
      <ul class="rows" aria-label={label} aria-busy={state.status === 'loading'}>
        {state.items.slice(0, rendered).map(children)}
      </ul>
      {state.status === 'error' && <ErrorBox message={state.error ?? ''} />}
      {remaining > 0 && (
        <button type="button" class="btn more" disabled={state.status === 'loading'} onClick={state.loadMore}>
          {t('showMore', [formatCount(Math.min(remaining, 50)), formatCount(remaining)])}
        </button>
      )}
    </>
  );
}
