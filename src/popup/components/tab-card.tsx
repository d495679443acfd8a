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
        {value && <PauseButton summary={value} />}
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

function PauseButton({ summary: { site, status } }: { summary: TabSummary }) {
  const { api, run } = usePopup();
  if (!site || !['active', 'no-messages', 'paused'].includes(status)) return null;
  const paused = status === 'paused';
  const toggle = () =>
    run(() => api.setSitePaused({ site, paused: !paused }), t(paused ? 'doneResumed' : 'donePaused', siteName(site)));
  return (
    <button type="button" class={`btn push-right ${paused ? 'btn-primary' : ''}`} onClick={toggle}>
      {t(paused ? 'resumeOnSite' : 'pauseOnSite')}
    </button>
  );
}

function StatusDetail({ summary: { status, origin, tabId } }: { summary: TabSummary }) {
  const { api, run } = usePopup();
  const enable = () => {
    if (!origin) return;
    // The request must start synchronously inside the click: browsers grant permissions only to a user gesture.
    const granted = api.requestOrigin(origin);
    run(
      async () => {
        if (!(await granted)) throw new Error(t('permissionDenied'));
        await api.enableOnOrigin({ origin, tabId });
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
    </div>
  );
}
