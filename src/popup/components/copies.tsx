import { t } from '../../shared/i18n';
import type { MessageCopy } from '../../shared/views';
import { formatAgo, formatDateTime, siteName } from '../format';
import { useAsync } from '../use-async';
import { Empty, ErrorBox, Loading } from './states';
import { DiffText } from './template-text';

/** The copies of one text, side by side (a horizontal strip), with what differs from the first one marked. */
export function Copies({ load, showSender = false }: { load: () => Promise<MessageCopy[]>; showSender?: boolean }) {
  const copies = useAsync(load, []);
  if (copies.status === 'loading') return <Loading label={t('loadingCopies')} />;
  if (copies.status === 'error') return <ErrorBox message={copies.error} onRetry={copies.reload} />;
  if (copies.value.length === 0) return <Empty title={t('noCopies')} />;
  return (
    <ol class="copies" aria-label={t('copiesLabel', copies.value.length)}>
      {copies.value.map((copy, index) => (
        <li key={`${copy.site}/${copy.id}`} class="copy">
          <div class="copy-meta">
            <span class="copy-index">{index + 1}</span>
            <time dateTime={new Date(copy.time).toISOString()} title={formatDateTime(copy.time)}>
              {formatAgo(copy.time)}
            </time>
            {showSender && <span class="copy-sender">{copy.senderName ?? copy.sender}</span>}
          </div>
          <DiffText parts={copy.diff} text={copy.text} />
          {copy.permalink && /^https?:\/\//i.test(copy.permalink) && (
            <a class="copy-link" href={copy.permalink} target="_blank" rel="noreferrer noopener">
              {t('openOnSite', siteName(copy.site))}
              <span class="visually-hidden"> {t('opensInNewTab')}</span>
            </a>
          )}
        </li>
      ))}
    </ol>
  );
}
