import { countryName, DISPLAY_LOCALE } from '../../lib/event-format';
import { AGE_RANGES } from '../events/ticket-selection';

/** How dashboard figures read: percentages, counts, axis money, bucket and demographic labels. */

export type Granularity = 'day' | 'hour';

const PERCENT = new Intl.NumberFormat(DISPLAY_LOCALE, { style: 'percent', maximumFractionDigits: 1 });
const COUNT = new Intl.NumberFormat(DISPLAY_LOCALE);

/** 0.256 → "25.6%". */
export function formatPercent(ratio: number): string {
  return PERCENT.format(Number.isFinite(ratio) ? ratio : 0);
}

/** 12345 → "12,345". */
export function formatCount(n: number): string {
  return COUNT.format(n);
}

/** "1 ticket", "12 tickets". */
export function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** Short money for chart axes: "$1.2K", "€300". Tooltips and tables use the exact amount. */
export function formatCompactMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat(DISPLAY_LOCALE, {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(amount);
}

const DAY = new Intl.DateTimeFormat(DISPLAY_LOCALE, { timeZone: 'UTC', month: 'short', day: 'numeric' });
const DAY_WITH_YEAR = new Intl.DateTimeFormat(DISPLAY_LOCALE, {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
});

/**
 * A sales bucket's label. The API's buckets are wall-clock days ("2026-12-01") or hours
 * ("2026-12-01T14:00") already in the zone they were counted in, so they are read as such and
 * never shifted into the reader's zone.
 */
export function bucketLabel(date: string, granularity: Granularity, withYear = false): string {
  const day = date.slice(0, 10);
  const at = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(at.getTime())) return date;
  const dayText = (withYear ? DAY_WITH_YEAR : DAY).format(at);
  return granularity === 'hour' ? `${dayText}, ${date.slice(11, 16) || '00:00'}` : dayText;
}

/** The short label under a chart's axis: the day, or the hour of day for hourly buckets. */
export function bucketTick(date: string, granularity: Granularity): string {
  return granularity === 'hour' ? date.slice(11, 16) || date : bucketLabel(date, 'day');
}

const AGE_LABELS = new Map<string, string>(AGE_RANGES.map((a) => [a.value, a.label]));

/** The API's catch-all buckets: attendees who gave nothing, and groups too small to show. */
export const UNSPECIFIED = 'unspecified';
export const OTHER = 'other';

/** A demographic bucket's label: "25–34", "Germany", "Not given", "Other". */
export function demographicLabel(dimension: 'ageRange' | 'country', key: string): string {
  if (key === UNSPECIFIED) return 'Not given';
  if (key === OTHER) return 'Other';
  return dimension === 'ageRange' ? (AGE_LABELS.get(key) ?? key) : countryName(key);
}
