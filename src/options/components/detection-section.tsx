import { t } from '../../shared/i18n';
import { cannedActions, mutedActions, type Settings } from '../../shared/settings';
import { Choice, NumberField, Section } from './fields';

type Props = { settings: Settings; update: (change: (settings: Settings) => Settings) => void };

export function DetectionSection({ settings, update }: Props) {
  const detection = settings.detection;
  const set = (patch: Partial<Settings['detection']>) =>
    update((old) => ({ ...old, detection: { ...old.detection, ...patch } }));
  const percent = Math.round(detection.similarityThreshold * 100);
  return (
    <Section id="detection" title={t('optionsDetection')} hint={t('optionsDetectionHint')}>
      <div class="grid">
        <NumberField
          id="repeat-threshold"
          label={t('optionsRepeatThreshold')}
          hint={t('optionsRepeatThresholdHint')}
          value={detection.repeatThreshold}
          min={2}
          max={50}
          onChange={(repeatThreshold) => set({ repeatThreshold })}
        />
        <NumberField
          id="template-senders"
          label={t('optionsTemplateSenders')}
          hint={t('optionsTemplateSendersHint')}
          value={detection.templateSenderThreshold}
          min={2}
          max={1000}
          onChange={(templateSenderThreshold) => set({ templateSenderThreshold })}
        />
        <NumberField
          id="min-words"
          label={t('optionsMinWords')}
          hint={t('optionsMinWordsHint')}
          value={detection.minWords}
          min={1}
          max={50}
          onChange={(minWords) => set({ minWords })}
        />
        <div class="field">
          <label for="similarity">{t('optionsSimilarity')}</label>
          <p class="hint" id="similarity-hint">
            {t('optionsSimilarityHint')}
          </p>
          <div class="range">
            <input
              id="similarity"
              type="range"
              min={50}
              max={100}
              step={1}
              value={percent}
              aria-describedby="similarity-hint"
              aria-valuetext={`${percent}%`}
              onInput={(event) => set({ similarityThreshold: event.currentTarget.valueAsNumber / 100 })}
            />
            <output for="similarity">{percent}%</output>
          </div>
        </div>
      </div>
    </Section>
  );
}

export function BehaviourSection({ settings, update }: Props) {
  return (
    <Section id="behaviour" title={t('optionsBehaviour')}>
      <div class="grid">
        <Choice
          name="canned-action"
          legend={t('optionsCannedAction')}
          value={settings.cannedAction}
          options={cannedActions.map((value) => ({
            value,
            label: t(`optionsCanned_${value}`),
            hint: t(`optionsCanned_${value}_hint`),
          }))}
          onChange={(cannedAction) => update((old) => ({ ...old, cannedAction }))}
        />
        <Choice
          name="muted-action"
          legend={t('optionsMutedAction')}
          value={settings.mutedAction}
          options={mutedActions.map((value) => ({
            value,
            label: t(`optionsMuted_${value}`),
            hint: t(`optionsMuted_${value}_hint`),
          }))}
          onChange={(mutedAction) => update((old) => ({ ...old, mutedAction }))}
        />
      </div>
    </Section>
  );
}
