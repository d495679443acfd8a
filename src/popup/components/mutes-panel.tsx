import { useEffect } from 'preact/hooks';
import { t } from '../../shared/i18n';
import type { MuteRow } from '../../shared/views';
import { usePopup } from '../context';
import { formatAgo, siteName } from '../format';
import { useAsync } from '../use-async';
import { Avatar } from './avatar';
import { muteLabel } from './sender-row';
import { Empty, ErrorBox, Loading } from './states';

const matches = (mute: MuteRow, query: string) =>
  [mute.senderName, mute.sender, mute.site].some((field) => field?.toLowerCase().includes(query.toLowerCase()));

export function MutesPanel({ query, onTotal }: { query: string; onTotal: (total: number) => void }) {
  const { api, version } = usePopup();
  const mutes = useAsync(() => api.listMutes({}), [version]);
  useEffect(() => {
    if (mutes.status === 'ready') onTotal(mutes.value.length);
  }, [mutes.status, mutes.value, onTotal]);
  if (mutes.status === 'loading' && !mutes.value) return <Loading />;
  if (mutes.status === 'error') return <ErrorBox message={mutes.error} onRetry={mutes.reload} />;
  const all = mutes.value ?? [];
  const shown = query ? all.filter((mute) => matches(mute, query)) : all;
  if (all.length === 0) return <Empty title={t('emptyMutesTitle')} hint={t('emptyMutesHint')} />;
  if (shown.length === 0) return <Empty title={t('noMatches', query)} hint={t('noMatchesHint')} />;
  return (
    <ul class="rows" aria-label={t('tabMuted')}>
      {shown.map((mute) => (
        <MuteRowView key={`${mute.site}:${mute.sender}`} mute={mute} />
      ))}
    </ul>
  );
}

function MuteRowView({ mute }: { mute: MuteRow }) {
  const { api, run } = usePopup();
  const name = mute.senderName ?? mute.sender;
  return (
    <li class="row row-compact" data-testid="mute-row">
      <div class="row-head">
        <Avatar name={name} seed={`${mute.site}:${mute.sender}`} />
        <div class="row-who">
          <span class="row-name">{name}</span>
          <span class="row-sub">
            {mute.senderName && mute.senderName !== mute.sender && <span class="handle">{mute.sender}</span>}
            <span class="site">{siteName(mute.site)}</span>
          </span>
          <span class="row-sub">
            {muteLabel(mute)} · {t('mutedAgo', formatAgo(mute.createdAt))}
          </span>
        </div>
        <button
          type="button"
          class="btn"
          onClick={() => run(() => api.unmuteSender({ site: mute.site, sender: mute.sender }), t('doneUnmuted', name))}
        >
          {t('unmute')}
        </button>
      </div>
    </li>
  );
}
