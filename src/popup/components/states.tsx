import { t } from '../../shared/i18n';

export function Loading({ label }: { label?: string }) {
  return (
    <div class="state" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      {label ?? t('loading')}
    </div>
  );
}

export function Empty({ title, hint }: { title: string; hint?: string }) {
  return (
    <div class="state empty">
      <p class="state-title">{title}</p>
      {hint && <p class="state-hint">{hint}</p>}
    </div>
  );
}

export function ErrorBox({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div class="state error" role="alert">
      <p class="state-title">{t('errorTitle')}</p>
      <p class="state-hint">{message}</p>
      {onRetry && (
        <button type="button" class="btn" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}
