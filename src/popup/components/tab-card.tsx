import { t } from '../../shared/i18n';
import type { TabSummary } from '../../shared/views';
import { usePopup } from '../context';
import { formatCount, siteName } from '../format';
import { useAsync } from '../use-async';
import { ErrorBox } from './states';

/** "This tab": what Uncanned saw on the page, whether it works here, and pause / enable. */
export function TabCard() {
  const { api, version } = usePopup();
  const summary = useAsync(async () => {
    const tabId = await api.currentTabId();
    return tabId === undefined ? undefined : api.getTabSummary({ tabId });
  }, [version]);
  if (summary.status === 'error') return <ErrorBox message={summary.error} onRetry={summary.reload} />;
  const value = summary.value;
  return (
    <section class="card tab-card" aria-labelledby="tab-card-title" aria-busy={summary.status === 'loading'}>
      <div class="tab-card-head">
        <h2 id="tab-card-title">{value?.site ? siteName(value.site) : t('thisTab')}</h2>
        {value && <StatusPill status={value.status} />}
      </div>
      <dl class="stats">
        <Stat label={t('statRead')} value={value?.read} />
        <Stat label={t('statCanned')} value={value?.canned} tone="accent" />
        <Stat label={t('statHidden')} value={value?.hidden} />
      </dl>
      {value && <StatusDetail summary={value} />}
    </section>
  );
}

function Stat({ label, value, tone }: { label: string; value?: number; tone?: 'accent' }) {
  return (
    <div class={`stat ${tone ?? ''}`}>
      <dt>{label}</dt>
      <dd>{value === undefined ? '–' : formatCount(value)}</dd>
    </div>
  );
}

function StatusPill({ status }: { status: TabSummary['status'] }) {
  return <span class={`pill status-${status}`}>{t(`status_${status.replace('-', '_')}`)}</span>;
}

function StatusDetail({ summary }: { summary: TabSummary }) {
  const { api, run } = usePopup();
  const { site, status, origin } = summary;
  const pause = (paused: boolean) =>
    site && run(() => api.setSitePaused({ site, paused }), t(paused ? 'donePaused' : 'doneResumed', siteName(site)));
  const enable = () => {
    if (!origin) return;
    // The request must start synchronously inside the click: browsers grant permissions only to a user gesture.
    const granted = api.requestOrigin(origin);
    run(
      async () => {
        if (!(await granted)) throw new Error(t('permissionDenied'));
        await api.enableOnOrigin({ origin });
      },
      t('doneEnabled', siteName(origin)),
    );
  };
  return (
    <div class="status-detail">
      <p>{t(`statusDetail_${status.replace('-', '_')}`)}</p>
      {status === 'needs-permission' && origin && (
        <button type="button" class="btn btn-primary" onClick={enable}>
          {t('enableOnSite')}
        </button>
      )}
      {(status === 'active' || status === 'no-messages') && site && (
        <button type="button" class="btn" onClick={() => pause(true)}>
          {t('pauseOnSite')}
        </button>
      )}
      {status === 'paused' && site && (
        <button type="button" class="btn btn-primary" onClick={() => pause(false)}>
          {t('resumeOnSite')}
        </button>
      )}
    </div>
  );
}
