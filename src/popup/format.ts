/** Dates and site names for display. Locale-aware through Intl; words through `t`. */
import { t } from '../shared/i18n';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

export function formatAgo(time: number, now = Date.now()): string {
  const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'short' });
  const delta = time - now;
  const size = Math.abs(delta);
  if (size < minute) return t('timeJustNow');
  if (size < hour) return relative.format(Math.round(delta / minute), 'minute');
  if (size < day) return relative.format(Math.round(delta / hour), 'hour');
  if (size < 30 * day) return relative.format(Math.round(delta / day), 'day');
  return formatDate(time);
}

export function formatDate(time: number): string {
  return new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' }).format(time);
}

export function formatDateTime(time: number): string {
  return new Intl.DateTimeFormat(undefined, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(time);
}

export const formatCount = (value: number) => new Intl.NumberFormat().format(value);

/** "YouTube" for built-in site ids, the host for any-host sites given as origins. */
export function siteName(site: string): string {
  const key = `site_${site}`;
  const name = t(key);
  if (name !== key) return name;
  try {
    return new URL(site).host;
  } catch {
    return site;
  }
}

export const durations = { day, week: 7 * day } as const;
