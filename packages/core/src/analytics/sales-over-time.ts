import { sql, type RawBuilder } from 'kysely';
import type { SalesRange } from './sales-range';

/** Days in the event's timezone, or hours when the range is shorter than two days. */
export type Granularity = 'day' | 'hour';

const TWO_DAYS_MS = 2 * 86_400_000;
// A chart of more points than this is unreadable; past it, only buckets with sales are listed.
const MAX_FILLED_BUCKETS = 1000;

export function granularityOf(
  range: SalesRange,
  firstSale: string | null,
  lastSale: string | null,
): Granularity {
  const start = range.from ?? firstSale;
  const end = range.to ?? lastSale;
  if (!start || !end) return 'day';
  return Date.parse(end) - Date.parse(start) < TWO_DAYS_MS ? 'hour' : 'day';
}

/**
 * The UTC hour ('YYYY-MM-DDTHH') and quarter (0–3) of an ISO timestamp column, in SQL both
 * engines share. Every timezone's offset is a whole number of quarter hours, so quarter-hour
 * buckets fold exactly into local days and hours — including +05:30 and +05:45 zones — while
 * the database returns at most 96 rows a day however many sales there were.
 */
export function quarterHourOf(column: string): { hour: RawBuilder<string>; quarter: RawBuilder<number> } {
  return {
    hour: sql<string>`substr(${sql.ref(column)}, 1, 13)`,
    quarter: sql<number>`cast(substr(${sql.ref(column)}, 15, 2) as integer) / 15`,
  };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
  );
  return wall - Math.floor(instant / 60_000) * 60_000;
}

function labelOf(local: number, granularity: Granularity): string {
  const iso = new Date(local).toISOString();
  return granularity === 'day' ? iso.slice(0, 10) : `${iso.slice(0, 13)}:00`;
}

/** The local day ('2026-12-01') or hour ('2026-12-01T14:00') an instant falls in. */
export function localLabel(instant: Date, timeZone: string, granularity: Granularity): string {
  return labelOf(instant.getTime() + offsetAt(instant.getTime(), timeZone), granularity);
}

const DAY_MS = 86_400_000;

/**
 * Whether the zone is a whole number of hours from UTC on every day from `from` to `to` (most
 * zones; not India, Nepal or Lord Howe Island's half-hour DST): then hourly sums fold exactly.
 */
export function onWholeHours(timeZone: string, from: string | null, to: string | null): boolean {
  if (!from || !to) return false;
  const last = Math.floor(Date.parse(to) / DAY_MS);
  for (let day = Math.floor(Date.parse(from) / DAY_MS); day <= last; day++) {
    if (offsetAt(day * DAY_MS, timeZone) % 3_600_000 !== 0) return false;
    if (last - day > 3660) return false; // a range of over ten years: not worth asking
  }
  return offsetAt(Date.parse(to), timeZone) % 3_600_000 === 0;
}

/**
 * Local labels for many instants of one zone. Asking Intl for every bucket costs more than the
 * database query, so the offset is asked once per UTC day and reused for the whole day when it
 * is the same at both ends (no DST change that day); only on change days is each instant asked.
 */
function labeller(timeZone: string, granularity: Granularity): (instant: number) => string {
  const days = new Map<number, number | null>();
  const unit = granularity === 'day' ? DAY_MS : 3_600_000;
  const labels = new Map<number, string>();
  return (instant) => {
    const day = Math.floor(instant / DAY_MS);
    let offset = days.get(day);
    if (offset === undefined) {
      const atStart = offsetAt(day * DAY_MS, timeZone);
      offset = atStart === offsetAt(day * DAY_MS + DAY_MS - 1, timeZone) ? atStart : null;
      days.set(day, offset);
    }
    // Many buckets share a local day or hour: format each one once.
    const slot = Math.floor((instant + (offset ?? offsetAt(instant, timeZone))) / unit);
    let label = labels.get(slot);
    if (label === undefined) {
      label = labelOf(slot * unit, granularity);
      labels.set(slot, label);
    }
    return label;
  };
}

function nextLabel(label: string, granularity: Granularity): string {
  // Labels are wall-clock times; stepping them as if they were UTC steps the calendar exactly.
  const at = new Date(granularity === 'day' ? `${label}T00:00:00Z` : `${label}:00Z`);
  if (granularity === 'day') at.setUTCDate(at.getUTCDate() + 1);
  else at.setUTCHours(at.getUTCHours() + 1);
  const iso = at.toISOString();
  return granularity === 'day' ? iso.slice(0, 10) : `${iso.slice(0, 13)}:00`;
}

/** Every label from `first` to `last` inclusive, or null when there would be too many. */
function labelsBetween(first: string, last: string, granularity: Granularity): string[] | null {
  const labels: string[] = [];
  for (let label = first; label <= last; label = nextLabel(label, granularity)) {
    labels.push(label);
    if (labels.length > MAX_FILLED_BUCKETS) return null;
  }
  return labels;
}

export interface SalesPoint {
  date: string;
  tickets: number;
  /** Minor units. */
  revenue: number;
}

export interface QuarterHourSales {
  hour: string;
  quarter: number;
  tickets: number;
  revenue: number;
}

/**
 * Folds quarter-hour sales into local days or hours, with the days or hours without sales filled
 * in as zeros across the range (or across the sales when the range is open), so a chart shows
 * quiet days as quiet.
 */
export function foldSales(
  rows: QuarterHourSales[],
  timeZone: string,
  granularity: Granularity,
  range: SalesRange,
): SalesPoint[] {
  const points = new Map<string, SalesPoint>();
  const label = labeller(timeZone, granularity);
  let first: string | null = null;
  let last: string | null = null;
  for (const row of rows) {
    const date = label(Date.parse(`${row.hour}:${String(row.quarter * 15).padStart(2, '0')}:00.000Z`));
    const point = points.get(date) ?? { date, tickets: 0, revenue: 0 };
    point.tickets += row.tickets;
    point.revenue += row.revenue;
    points.set(date, point);
    if (!first || date < first) first = date;
    if (!last || date > last) last = date;
  }
  const from = range.from ? localLabel(new Date(range.from), timeZone, granularity) : first;
  // `to` is exclusive: the last bucket is the one holding the instant just before it.
  const to = range.to ? localLabel(new Date(Date.parse(range.to) - 1), timeZone, granularity) : last;
  const labels =
    (from && to && labelsBetween(from, to, granularity)) ||
    (first && last && labelsBetween(first, last, granularity));
  if (!labels) return [...points.values()].sort((a, b) => a.date.localeCompare(b.date));
  const filled = labels.map((date) => points.get(date) ?? { date, tickets: 0, revenue: 0 });
  // Sales outside a filled range cannot happen with a range filter, but keep any that do.
  const listed = new Set(labels);
  const rest = [...points.values()].filter((p) => !listed.has(p.date));
  return [...filled, ...rest].sort((a, b) => a.date.localeCompare(b.date));
}
