import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { PopupApi } from './api';
import { MutesPanel } from './components/mutes-panel';
import { SendersPanel } from './components/senders-panel';
import { TabCard } from './components/tab-card';
import { Tabs } from './components/tabs';
import { TemplatesPanel } from './components/templates-panel';
import { Context, type PopupContext } from './context';
import { errorText } from './use-async';

type TabId = 'senders' | 'templates' | 'muted';
type Notice = { kind: 'ok' | 'error'; text: string };

export function App({ api }: { api: PopupApi }) {
  const [tab, setTab] = useState<TabId>('senders');
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<Notice>();
  const [totals, setTotals] = useState<Partial<Record<TabId, number>>>({});
  // Panels mount on first visit, so the first render is only "This tab" and one page of senders.
  const [visited, setVisited] = useState<ReadonlySet<TabId>>(new Set(['senders']));
  const select = (id: TabId) => {
    setTab(id);
    setVisited((old) => (old.has(id) ? old : new Set([...old, id])));
  };

  useEffect(() => {
    const timer = setTimeout(() => setQuery(search.trim()), 150);
    return () => clearTimeout(timer);
  }, [search]);

  const context = useMemo<PopupContext>(() => {
    const run = async (action: () => Promise<unknown>, done: string) => {
      try {
        await action();
        setNotice({ kind: 'ok', text: done });
      } catch (error) {
        setNotice({ kind: 'error', text: t('actionFailed', errorText(error)) });
      }
      setVersion((value) => value + 1);
    };
    return { api, version, run };
  }, [api, version]);

  useEffect(() => {
    const timer = setTimeout(() => setNotice(undefined), 5000);
    return () => clearTimeout(timer);
  }, [notice]);

  const onTotals = useMemo(() => {
    const setter = (id: TabId) => (total: number) =>
      setTotals((old) => (old[id] === total ? old : { ...old, [id]: total }));
    return { senders: setter('senders'), templates: setter('templates'), muted: setter('muted') };
  }, []);
  const panels = { senders: SendersPanel, templates: TemplatesPanel, muted: MutesPanel };
  useTabCounts(api, version, onTotals, totals.senders !== undefined);

  return (
    <Context.Provider value={context}>
      <header class="header">
        <img src="../icons/icon-48.png" alt="" width={24} height={24} />
        <h1>{t('extensionName')}</h1>
        <button type="button" class="btn btn-ghost" onClick={() => api.openOptions()}>
          {t('openSettings')}
        </button>
      </header>
      <main>
        <TabCard />
        <Tabs
          label={t('listsLabel')}
          selected={tab}
          onSelect={select}
          tabs={[
            { id: 'senders', label: t('tabSenders'), count: totals.senders },
            { id: 'templates', label: t('tabTemplates'), count: totals.templates },
            { id: 'muted', label: t('tabMuted'), count: totals.muted },
          ]}
        />
        <div class="search">
          <input
            type="search"
            value={search}
            placeholder={t('searchPlaceholder')}
            aria-label={t('searchLabel')}
            onInput={(event) => setSearch(event.currentTarget.value)}
          />
        </div>
        {(Object.keys(panels) as TabId[]).map((id) => {
          const Panel = panels[id];
          return (
            <section key={id} id={`panel-${id}`} role="tabpanel" aria-labelledby={`tab-${id}`} hidden={tab !== id}>
              {visited.has(id) && <Panel query={query} onTotal={onTotals[id]} />}
            </section>
          );
        })}
      </main>
      <div class={`notice ${notice ? `notice-${notice.kind}` : ''}`} role="status" aria-live="polite">
        {notice?.text}
      </div>
    </Context.Provider>
  );
}

/**
 * Counts for the tab labels of panels not opened yet. Asked once the first page of senders is in (or after half a
 * second if it is slow), so they never compete with it in the background.
 */
function useTabCounts(
  api: PopupApi,
  version: number,
  onTotals: Record<'templates' | 'muted', (total: number) => void>,
  hasFirstPage: boolean,
) {
  const countedFor = useRef<number>(-1);
  useEffect(() => {
    const fetchCounts = () => {
      if (countedFor.current === version) return; // once per version, whichever of the two came first
      countedFor.current = version;
      api.listTemplates({ query: '', offset: 0, limit: 1 }).then((page) => onTotals.templates(page.total), ignore);
      api.listMutes({}).then((mutes) => onTotals.muted(mutes.length), ignore);
    };
    if (hasFirstPage) return fetchCounts();
    const timer = setTimeout(fetchCounts, 500);
    return () => clearTimeout(timer);
  }, [api, version, onTotals, hasFirstPage]);
}

/** The panels show their own errors; a failed count only leaves the label without a number. */
const ignore = () => {};
