import { t } from '../../shared/i18n';
import type { Settings } from '../../shared/settings';
import { NumberField, Section, Toggle } from './fields';

type Props = { settings: Settings; update: (change: (settings: Settings) => Settings) => void };

export function RetentionSection({ settings, update }: Props) {
  const set = (patch: Partial<Settings['retention']>) =>
    update((old) => ({ ...old, retention: { ...old.retention, ...patch } }));
  return (
    <Section id="retention" title={t('optionsRetention')} hint={t('optionsRetentionHint')}>
      <div class="grid">
        <NumberField
          id="max-messages"
          label={t('optionsMaxMessages')}
          value={settings.retention.maxMessages}
          min={1000}
          max={1_000_000}
          step={1000}
          onChange={(maxMessages) => set({ maxMessages })}
        />
        <NumberField
          id="max-days"
          label={t('optionsMaxDays')}
          value={settings.retention.maxDays}
          min={1}
          max={3650}
          onChange={(maxDays) => set({ maxDays })}
        />
      </div>
    </Section>
  );
}

export function SyncSection({ settings, update }: Props) {
  return (
    <Section id="sync" title={t('optionsSync')}>
      <Toggle
        label={t('optionsSyncLabel')}
        hint={t('optionsSyncHint')}
        checked={settings.syncEnabled}
        onChange={(syncEnabled) => update((old) => ({ ...old, syncEnabled }))}
      />
    </Section>
  );
}
