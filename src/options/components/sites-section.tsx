import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import type { Settings } from '../../shared/settings';
import { senderKey, siteIds } from '../../shared/types';
import { Section } from './fields';

type Props = { settings: Settings; update: (change: (settings: Settings) => Settings) => void };

const siteName = (site: string) => {
  const name = t(`site_${site}`);
  return name === `site_${site}` ? site : name;
};

const without = (list: string[], item: string) => list.filter((entry) => entry !== item);

export function SitesSection({ settings, update }: Props) {
  const disabled = new Set(settings.disabledSites);
  const otherOrigins = settings.disabledSites.filter((site) => !(siteIds as readonly string[]).includes(site));
  const setOn = (site: string, on: boolean) =>
    update((old) => ({
      ...old,
      disabledSites: on ? without(old.disabledSites, site) : [...without(old.disabledSites, site), site],
    }));
  return (
    <Section id="sites" title={t('optionsSites')} hint={t('optionsSitesHint')}>
      <ul class="site-grid">
        {siteIds.map((site) => (
          <li key={site}>
            <label class="site-toggle">
              <input
                type="checkbox"
                checked={!disabled.has(site)}
                onChange={(event) => setOn(site, event.currentTarget.checked)}
              />
              {siteName(site)}
            </label>
          </li>
        ))}
      </ul>
      {otherOrigins.length > 0 && (
        <>
          <h3>{t('optionsPausedOrigins')}</h3>
          <ul class="plain-list">
            {otherOrigins.map((origin) => (
              <li key={origin}>
                <span>{origin}</span>
                <button type="button" class="btn" onClick={() => setOn(origin, true)}>
                  {t('optionsTurnOn')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}

export function NeverFlagSection({ settings, update }: Props) {
  const [site, setSite] = useState<string>(siteIds[0]);
  const [sender, setSender] = useState('');
  const add = () => {
    const name = sender.trim();
    if (!name) return;
    const key = senderKey(site, name);
    update((old) => ({ ...old, neverFlag: [...without(old.neverFlag, key), key] }));
    setSender('');
  };
  return (
    <Section id="never-flag" title={t('optionsNeverFlag')} hint={t('optionsNeverFlagHint')}>
      {settings.neverFlag.length === 0 ? (
        <p class="hint">{t('optionsNeverFlagEmpty')}</p>
      ) : (
        <ul class="plain-list" aria-label={t('optionsNeverFlag')}>
          {settings.neverFlag.map((key) => {
            const [keySite = '', ...rest] = key.split(':');
            return (
              <li key={key}>
                <span>
                  <span class="tag">{siteName(keySite)}</span> {rest.join(':')}
                </span>
                <button
                  type="button"
                  class="btn"
                  aria-label={t('optionsRemoveNamed', rest.join(':'))}
                  onClick={() => update((old) => ({ ...old, neverFlag: without(old.neverFlag, key) }))}
                >
                  {t('optionsRemove')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {/* Not a <form>: this sits inside the settings form, and forms cannot nest. */}
      <fieldset class="inline-form">
        <legend class="visually-hidden">{t('optionsNeverFlagAdd')}</legend>
        <select aria-label={t('optionsSite')} value={site} onChange={(event) => setSite(event.currentTarget.value)}>
          {siteIds.map((id) => (
            <option key={id} value={id}>
              {siteName(id)}
            </option>
          ))}
        </select>
        <input
          type="text"
          aria-label={t('optionsSenderHandle')}
          placeholder={t('optionsSenderHandle')}
          value={sender}
          onInput={(event) => setSender(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            add();
          }}
        />
        <button type="button" class="btn" onClick={add}>
          {t('optionsAdd')}
        </button>
      </fieldset>
    </Section>
  );
}
