import type { ComponentChildren } from 'preact';
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

/** A list fetched one page at a time, with its loading, empty and error states and a "show more" button. */
export function PagedList<T>({ state, label, empty, query, children }: Props<T>) {
  if (state.status === 'loading' && state.items.length === 0) return <Loading />;
  if (state.status === 'error' && state.items.length === 0) return <ErrorBox message={state.error ?? ''} />;
  if (state.items.length === 0) {
    return query ? <Empty title={t('noMatches', query)} hint={t('noMatchesHint')} /> : <Empty {...empty} />;
  }
  const remaining = state.total - state.items.length;
  return (
    <>
      <ul class="rows" aria-label={label} aria-busy={state.status === 'loading'}>
        {state.items.map(children)}
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
