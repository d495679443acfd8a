import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import type { RepeatSenderRow } from '../../shared/views';
import { usePopup } from '../context';
import { formatAgo, formatCount, formatDate, formatDateTime, siteName } from '../format';
import { Avatar } from './avatar';
import { Copies } from './copies';
import { MuteMenu, untilFor } from './mute-menu';
import { TemplateText } from './template-text';

export function muteLabel(mute: { scope: 'all' | 'canned'; until?: number }): string {
  const scope = mute.scope === 'all' ? t('mutedEverything') : t('mutedCannedOnly');
  return mute.until === undefined
    ? t('muteForGoodLabel', scope)
    : t('muteUntilLabel', [scope, formatDateTime(mute.until)]);
}

export function SenderRowView({ row }: { row: RepeatSenderRow }) {
  const { api, run } = usePopup();
  const [expanded, setExpanded] = useState(false);
  const name = row.senderName ?? row.sender;
  const ref = { site: row.site, sender: row.sender };
  const copiesId = `copies-${row.site}-${row.sender}`.replace(/[^\w-]/g, '_');

  return (
    <li class="row" data-testid="sender-row">
      <div class="row-head">
        <Avatar name={name} seed={`${row.site}:${row.sender}`} />
        <div class="row-who">
          <span class="row-name">{name}</span>
          <span class="row-sub">
            {row.senderName && row.senderName !== row.sender && <span class="handle">{row.sender}</span>}
            <span class="site">{siteName(row.site)}</span>
          </span>
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
          aria-label={t('showCopiesOf', name)}
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
        {row.mute && <span class="pill pill-muted">{muteLabel(row.mute)}</span>}
        {row.notCanned && <span class="pill pill-ok">{t('markedNotCanned')}</span>}
      </div>
      <div class="row-actions">
        {row.mute ? (
          <button type="button" class="btn" onClick={() => run(() => api.unmuteSender(ref), t('doneUnmuted', name))}>
            {t('unmute')}
          </button>
        ) : (
          <>
            <MuteMenu
              label={t('mute')}
              onChoose={(duration) =>
                run(
                  () => api.muteSender({ ...ref, senderName: row.senderName, scope: 'all', until: untilFor(duration) }),
                  t('doneMuted', name),
                )
              }
            />
            <button
              type="button"
              class="btn"
              onClick={() =>
                run(
                  () => api.muteSender({ ...ref, senderName: row.senderName, scope: 'canned' }),
                  t('doneHidCanned', name),
                )
              }
            >
              {t('hideCanned')}
            </button>
          </>
        )}
        <NotCannedButton row={row} name={name} />
        <button
          type="button"
          class="btn btn-danger"
          onClick={() => run(() => api.forgetSender(ref), t('doneForgot', name))}
        >
          {t('forget')}
        </button>
      </div>
      {expanded && (
        <div id={copiesId}>
          <Copies load={() => api.getSenderCopies(ref)} />
        </div>
      )}
    </li>
  );
}

function NotCannedButton({ row, name }: { row: RepeatSenderRow; name: string }) {
  const { api, run } = usePopup();
  const target = { kind: 'sender' as const, site: row.site, sender: row.sender };
  return row.notCanned ? (
    <button
      type="button"
      class="btn"
      onClick={() => run(() => api.unmarkNotCanned({ target }), t('doneUnmarked', name))}
    >
      {t('undoNotCanned')}
    </button>
  ) : (
    <button
      type="button"
      class="btn"
      onClick={() => run(() => api.markNotCanned({ target }), t('doneNotCanned', name))}
    >
      {t('notCanned')}
    </button>
  );
}
