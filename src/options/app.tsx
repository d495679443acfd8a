import { useCallback, useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { Settings } from '../shared/settings';
import type { OptionsApi } from './api';
import { DataSection } from './components/data-section';
import { BehaviourSection, DetectionSection } from './components/detection-section';
import { NeverFlagSection, SitesSection } from './components/sites-section';
import { RetentionSection, SyncSection } from './components/storage-section';

type SaveState = { status: 'idle' | 'saving' | 'saved' } | { status: 'error'; error: string };
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function App({ api }: { api: OptionsApi }) {
  const [saved, setSaved] = useState<Settings>();
  const [draft, setDraft] = useState<Settings>();
  const [loadError, setLoadError] = useState<string>();
  const [save, setSave] = useState<SaveState>({ status: 'idle' });

  const load = useCallback(() => {
    api.getSettings({}).then(
      (settings) => {
        setSaved(settings);
        setDraft(settings);
        setLoadError(undefined);
      },
      (error: unknown) => setLoadError(errorText(error)),
    );
  }, [api]);
  useEffect(load, [load]);

  const update = (change: (settings: Settings) => Settings) => {
    setDraft((old) => old && change(old));
    setSave({ status: 'idle' });
  };
  const onSave = async (event: Event) => {
    event.preventDefault();
    if (!draft) return;
    setSave({ status: 'saving' });
    try {
      const settings = await api.updateSettings({ settings: draft });
      setSaved(settings);
      setDraft(settings);
      setSave({ status: 'saved' });
    } catch (error) {
      setSave({ status: 'error', error: errorText(error) });
    }
  };
  const dirty = JSON.stringify(saved) !== JSON.stringify(draft);
  const props = draft && { settings: draft, update };

  return (
    <div class="page">
      <header class="page-header">
        <img src="../icons/icon-48.png" alt="" width={32} height={32} />
        <div>
          <h1>{t('optionsTitle')}</h1>
          <p class="hint">{t('optionsSubtitle')}</p>
        </div>
      </header>
      {loadError && (
        <div class="result result-error" role="alert">
          {t('optionsLoadFailed', loadError)}{' '}
          <button type="button" class="btn" onClick={load}>
            {t('retry')}
          </button>
        </div>
      )}
      {!props && !loadError && <p role="status">{t('loading')}</p>}
      {props && (
        <form class="settings" onSubmit={onSave}>
          <DetectionSection {...props} />
          <BehaviourSection {...props} />
          <SitesSection {...props} />
          <NeverFlagSection {...props} />
          <RetentionSection {...props} />
          <SyncSection {...props} />
          <div class="save-bar" data-dirty={dirty}>
            <p role="status" class={save.status === 'error' ? 'save-error' : ''}>
              {save.status === 'error' && t('optionsSaveFailed', save.error)}
              {save.status === 'saved' && !dirty && t('optionsSaved')}
              {save.status === 'idle' && (dirty ? t('optionsUnsaved') : t('optionsNoChanges'))}
            </p>
            <button type="button" class="btn" disabled={!dirty} onClick={() => update(() => saved as Settings)}>
              {t('optionsDiscard')}
            </button>
            <button type="submit" class="btn btn-primary" disabled={!dirty || save.status === 'saving'}>
              {save.status === 'saving' ? t('optionsSaving') : t('optionsSave')}
            </button>
          </div>
        </form>
      )}
      {props && <DataSection api={api} onChanged={load} />}
    </div>
  );
}
