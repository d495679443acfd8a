import { useEffect } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { usePopup } from '../context';
import { usePaged } from '../use-paged';
import { PagedList } from './paged-list';
import { SenderRowView } from './sender-row';

export function SendersPanel({ query, onTotal }: { query: string; onTotal: (total: number) => void }) {
  const { api, version } = usePopup();
  const state = usePaged(api.listRepeatSenders, query, version);
  useEffect(() => {
    if (state.status === 'ready' && !query) onTotal(state.total);
  }, [state.status, state.total, query, onTotal]);
  return (
    <PagedList
      state={state}
      query={query}
      label={t('tabSenders')}
      empty={{ title: t('emptySendersTitle'), hint: t('emptySendersHint') }}
    >
      {(row) => <SenderRowView key={`${row.site}:${row.sender}`} row={row} />}
    </PagedList>
  );
}
