import { useEffect, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import type { TemplateRow } from '../../shared/views';
import { usePopup } from '../context';
import { formatAgo, formatCount, siteName } from '../format';
import { usePaged } from '../use-paged';
import { Avatar } from './avatar';
import { Copies } from './copies';
import { MuteMenu, untilFor } from './mute-menu';
import { PagedList } from './paged-list';
import { TemplateText } from './template-text';

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

function TemplateRowView({ row }: { row: TemplateRow }) {
  const { api, run } = usePopup();
  const [expanded, setExpanded] = useState(false);
  const target = { kind: 'cluster' as const, clusterId: row.clusterId };
  const copiesId = `template-${row.clusterId}`.replace(/[^\w-]/g, '_');
  return (
    <li class="row" data-testid="template-row">
      <TemplateText parts={row.template} fallback={row.sampleText} />
      <div class="row-meta">
        <span>{t('templateStats', [formatCount(row.count), formatCount(row.senderCount)])}</span>
        <span>{row.sites.map(siteName).join(', ')}</span>
        <span>{t('lastSeen', formatAgo(row.lastSeen))}</span>
        {row.notCanned && <span class="pill pill-ok">{t('markedNotCanned')}</span>}
      </div>
      <ul class="chips" aria-label={t('templateSenders')}>
        {row.senders.map((sender) => (
          <li key={`${sender.site}:${sender.sender}`} class="chip">
            <Avatar name={sender.senderName ?? sender.sender} seed={`${sender.site}:${sender.sender}`} size="sm" />
            {sender.senderName ?? sender.sender}
          </li>
        ))}
        {row.senderCount > row.senders.length && (
          <li class="chip chip-more">{t('andMore', formatCount(row.senderCount - row.senders.length))}</li>
        )}
      </ul>
      <div class="row-actions">
        <MuteMenu
          label={t('muteAll')}
          onChoose={(duration) =>
            run(() => api.muteTemplate({ clusterId: row.clusterId, until: untilFor(duration) }), t('doneMutedAll'))
          }
        />
        {row.notCanned ? (
          <button
            type="button"
            class="btn"
            onClick={() => run(() => api.unmarkNotCanned({ target }), t('doneUnmarkedText'))}
          >
            {t('undoNotCanned')}
          </button>
        ) : (
          <button
            type="button"
            class="btn"
            onClick={() => run(() => api.markNotCanned({ target }), t('doneNotCannedText'))}
          >
            {t('notCanned')}
          </button>
        )}
        <button
          type="button"
          class="btn btn-icon expand"
          aria-expanded={expanded}
          aria-controls={copiesId}
          aria-label={t('showCopies')}
          title={t('showCopies')}
          onClick={() => setExpanded(!expanded)}
        >
          <span class="chevron" aria-hidden="true" />
        </button>
      </div>
      {expanded && (
        <div id={copiesId}>
          <Copies load={() => api.getTemplateCopies({ clusterId: row.clusterId })} showSender />
        </div>
      )}
    </li>
  );
}
