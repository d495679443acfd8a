/** Dates and site names for display. Locale-aware through Intl; words through `t`. */
import { t } from '../shared/i18n';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** One formatter each, made on first use: constructing an Intl formatter costs far more than formatting. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
}
const relativeFormat = once(() => new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'short' }));
const dateFormat = once(() => new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' }));
const dateTimeFormat = once(
  () => new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }),
);
const numberFormat = once(() => new Intl.NumberFormat());

export function formatAgo(time: number, now = Date.now()): string {
  const relative = relativeFormat();
  const delta = time - now;
  const size = Math.abs(delta);
  if (size < minute) return t('timeJustNow');
  if (size < hour) return relative.format(Math.round(delta / minute), 'minute');
  if (size < day) return relative.format(Math.round(delta / hour), 'hour');
  if (size < 30 * day) return relative.format(Math.round(delta / day), 'day');
  return formatDate(time);
}

export const formatDate = (time: number): string => dateFormat().format(time);

export const formatDateTime = (time: number): string => dateTimeFormat().format(time);

export const formatCount = (value: number): string => numberFormat().format(value);

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
