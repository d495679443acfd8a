import { useEffect } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { usePopup } from '../context';
import { usePaged } from '../use-paged';
import { PagedList } from './paged-list';
import { TemplateRowView } from './template-row';

export function TemplatesPanel({ query, onTotal }: { query: string; onTotal: (total: number) => void }) {
  const { api, version } = usePopup();
  const state = usePaged(api.listTemplates, query, version);
  useEffect(() => {
    if (state.status === 'ready' && !query) onTotal(state.total);
  }, [state.status, state.total, query, onTotal]);
  return (
    <PagedList
      state={state}
      query={query}
      label={t('tabTemplates')}
      empty={{ title: t('emptyTemplatesTitle'), hint: t('emptyTemplatesHint') }}
    >
      {(row) => <TemplateRowView key={row.clusterId} row={row} />}
    </PagedList>
  );
}
