import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import type { TemplateRow } from '../../shared/views';
import { usePopup } from '../context';
import { formatAgo, formatCount, formatDate, siteName } from '../format';
import { Avatar } from './avatar';
import { Copies } from './copies';
import { MuteMenu, untilFor } from './mute-menu';
import { TemplateText } from './template-text';

const maxChips = 6;

export function TemplateRowView({ row }: { row: TemplateRow }) {
  const { api, run } = usePopup();
  const [expanded, setExpanded] = useState(false);
  const target = { kind: 'cluster' as const, clusterId: row.clusterId };
  const copiesId = `template-${row.clusterId}`.replace(/[^\w-]/g, '_');
  const chips = row.senders.slice(0, maxChips);
  return (
    <li class="row" data-testid="template-row">
      <div class="row-head">
        <span class="avatar-stack" aria-hidden="true">
          {row.senders.slice(0, 3).map((sender) => (
            <Avatar
              key={sender.sender}
              name={sender.senderName ?? sender.sender}
              seed={`${sender.site}:${sender.sender}`}
            />
          ))}
        </span>
        <div class="row-who">
          <span class="row-name">{t('templateStats', [formatCount(row.count), formatCount(row.senderCount)])}</span>
          <span class="row-sub">{row.sites.map(siteName).join(', ')}</span>
        </div>
        <span class="count" title={t('copiesCount', formatCount(row.count))}>
          <span aria-hidden="true">×</span>
          {formatCount(row.count)}
          <span class="visually-hidden"> {t('copiesWord')}</span>
        </span>
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
      <TemplateText parts={row.template} fallback={row.sampleText} />
      <div class="row-meta">
        <span class="meta-item">{t('firstSeen', formatDate(row.firstSeen))}</span>
        <span class="meta-item">{t('lastSeen', formatAgo(row.lastSeen))}</span>
        {row.notCanned && <span class="pill pill-ok">{t('markedNotCanned')}</span>}
      </div>
      <ul class="chips" aria-label={t('templateSenders')}>
        {chips.map((sender) => (
          <li
            key={`${sender.site}:${sender.sender}`}
            class="chip"
            title={`${sender.sender} · ${siteName(sender.site)}`}
          >
            <Avatar name={sender.senderName ?? sender.sender} seed={`${sender.site}:${sender.sender}`} size="sm" />
            {sender.senderName ?? sender.sender}
          </li>
        ))}
        {row.senderCount > chips.length && (
          <li class="chip chip-more">{t('andMore', formatCount(row.senderCount - chips.length))}</li>
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
      </div>
      {expanded && (
        <div id={copiesId}>
          <Copies load={() => api.getTemplateCopies({ clusterId: row.clusterId })} showSender />
        </div>
      )}
    </li>
  );
}
