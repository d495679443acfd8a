import { useEffect, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import type { ImportSummary, StoreStatus } from '../../shared/views';
import type { OptionsApi } from '../api';
import { Section } from './fields';

type Result = { kind: 'ok' | 'error'; text: string } | undefined;
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

function download(json: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export const describeImport = (summary: ImportSummary) =>
  t('optionsImported', [
    String(summary.mutes),
    String(summary.feedback),
    t(summary.settings ? 'optionsImportedSettingsYes' : 'optionsImportedSettingsNo'),
    String(summary.messages),
  ]);

/** Export, import and clear: the background does each all or nothing; this page reports the outcome in words. */
export function DataSection({ api, onChanged }: { api: OptionsApi; onChanged: () => void }) {
  const [status, setStatus] = useState<StoreStatus>();
  const [includeHistory, setIncludeHistory] = useState(false);
  const [result, setResult] = useState<Result>();
  const [confirming, setConfirming] = useState(false);
  const [nonce, setNonce] = useState(0);
  useEffect(() => {
    api.getStatus({}).then(setStatus, (error: unknown) => setResult({ kind: 'error', text: errorText(error) }));
  }, [api, nonce]);

  const attempt = async (action: () => Promise<string>) => {
    try {
      setResult({ kind: 'ok', text: await action() });
    } catch (error) {
      setResult({ kind: 'error', text: t('optionsFailed', errorText(error)) });
    }
    setNonce((value) => value + 1);
  };
  const exportAll = () =>
    attempt(async () => {
      const { json, fileName } = await api.exportData({ includeHistory });
      download(json, fileName);
      return t('optionsExported', fileName);
    });
  const importFile = (file: File | undefined) =>
    file &&
    attempt(async () => {
      const summary = await api.importData({ json: await file.text() });
      onChanged();
      return describeImport(summary);
    });
  const clearAll = () =>
    attempt(async () => {
      await api.clearAllData({ confirm: true });
      setConfirming(false);
      onChanged();
      return t('optionsCleared');
    });

  return (
    <Section id="data" title={t('optionsData')} hint={t('optionsDataHint')}>
      {status && (
        <p class="data-status" data-testid="store-status">
          {t('optionsStoreStatus', [status.messages.toLocaleString(), status.senders.toLocaleString()])}
          {status.quotaWarning && <span class="warning"> {status.quotaWarning}</span>}
        </p>
      )}
      <div class="data-actions">
        <label class="check">
          <input
            type="checkbox"
            checked={includeHistory}
            onChange={(event) => setIncludeHistory(event.currentTarget.checked)}
          />
          {t('optionsIncludeHistory')}
        </label>
        <button type="button" class="btn btn-primary" onClick={exportAll}>
          {t('optionsExport')}
        </button>
        <label class="btn file-btn">
          {t('optionsImport')}
          <input
            type="file"
            accept="application/json,.json"
            class="visually-hidden"
            onChange={(event) => {
              importFile(event.currentTarget.files?.[0]);
              event.currentTarget.value = '';
            }}
          />
        </label>
      </div>
      <div class="danger-zone">
        {confirming ? (
          <div role="alertdialog" aria-labelledby="clear-question" class="confirm">
            <p id="clear-question" class="confirm-question">
              {t('optionsClearQuestion')}
            </p>
            <button type="button" class="btn btn-danger-solid" onClick={clearAll}>
              {t('optionsClearConfirm')}
            </button>
            <button type="button" class="btn" onClick={() => setConfirming(false)}>
              {t('optionsCancel')}
            </button>
          </div>
        ) : (
          <button type="button" class="btn btn-danger" onClick={() => setConfirming(true)}>
            {t('optionsClear')}
          </button>
        )}
      </div>
      {result && (
        <p class={`result result-${result.kind}`} role={result.kind === 'error' ? 'alert' : 'status'}>
          {result.text}
        </p>
      )}
    </Section>
  );
}
