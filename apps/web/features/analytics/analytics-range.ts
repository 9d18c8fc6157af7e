import { isoToZonedInput, zonedInputToIso } from '../../lib/zoned-time';

/**
 * The date range a dashboard shows, as it lives in the URL (`?range=7d`, or `?from=2026-11-01
 * &to=2026-11-30` for chosen days) and as the API wants it: ISO instants, `from` inclusive and `to`
 * exclusive ("sales before this instant"). Days are calendar days in one time zone: the event's for
 * one event's dashboard (its sales chart is bucketed there too), the reader's across events.
 */

export const RANGE_PRESETS = ['7d', '30d', '90d', 'all'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export const PRESET_LABELS: Record<RangePreset, string> = {
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
  all: 'All time',
};

const PRESET_DAYS: Record<Exclude<RangePreset, 'all'>, number> = { '7d': 7, '30d': 30, '90d': 90 };

export type DateRange =
  | { kind: 'preset'; preset: RangePreset }
  /** Days as "YYYY-MM-DD", both included; either may be '' for an open end. */
  | { kind: 'custom'; from: string; to: string };

export const ALL_TIME: DateRange = { kind: 'preset', preset: 'all' };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isDay(value: string | null | undefined): value is string {
  return Boolean(value && DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)));
}

/** Reads the range from the query string; anything unreadable is "all time". */
export function parseDateRange(params: { get(name: string): string | null }): DateRange {
  const from = params.get('from');
  const to = params.get('to');
  if (isDay(from) || isDay(to))
    return { kind: 'custom', from: isDay(from) ? from : '', to: isDay(to) ? to : '' };
  const preset = RANGE_PRESETS.find((p) => p === params.get('range'));
  return preset ? { kind: 'preset', preset } : ALL_TIME;
}

/** The query-string parameters for a range (undefined removes one); "all time" is the default, so none. */
export function dateRangeParams(range: DateRange): { range?: string; from?: string; to?: string } {
  if (range.kind === 'custom')
    return { range: undefined, from: range.from || undefined, to: range.to || undefined };
  return { range: range.preset === 'all' ? undefined : range.preset, from: undefined, to: undefined };
}

/** "2026-12-01" plus `days` calendar days. */
export function addDays(day: string, days: number): string {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** Today's date in `timeZone`, "YYYY-MM-DD". */
export function todayIn(timeZone: string, now: number): string {
  return isoToZonedInput(new Date(now).toISOString(), timeZone).slice(0, 10);
}

function startOfDay(day: string, timeZone: string): string | undefined {
  return zonedInputToIso(`${day}T00:00`, timeZone);
}

export interface RangeQuery {
  from?: string;
  to?: string;
}

/**
 * The API's `from`/`to` for a range. "Last 7 days" is today and the six days before, open-ended so
 * a sale made while the dashboard is open still counts; chosen days run to the end of the last one.
 */
export function rangeQuery(range: DateRange, timeZone: string, now: number): RangeQuery {
  if (range.kind === 'preset') {
    if (range.preset === 'all') return {};
    const first = addDays(todayIn(timeZone, now), 1 - PRESET_DAYS[range.preset]);
    const from = startOfDay(first, timeZone);
    return from ? { from } : {};
  }
  const query: RangeQuery = {};
  const from = range.from ? startOfDay(range.from, timeZone) : undefined;
  const to = range.to ? startOfDay(addDays(range.to, 1), timeZone) : undefined;
  if (from) query.from = from;
  if (to) query.to = to;
  return query;
}

/** Why a chosen range cannot be asked for, or null when it can. */
export function dateRangeProblem(range: DateRange): string | null {
  if (range.kind !== 'custom') return null;
  if (range.from && range.to && range.to < range.from) return 'The end date is before the start date.';
  return null;
}

const DAY_FORMAT = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
});

function formatDay(day: string): string {
  return DAY_FORMAT.format(new Date(`${day}T00:00:00Z`));
}

/** What the range covers, in words: "Last 7 days", "Dec 1, 2026 – Dec 7, 2026", "Since Dec 1, 2026". */
export function describeDateRange(range: DateRange): string {
  if (range.kind === 'preset') return PRESET_LABELS[range.preset];
  if (range.from && range.to)
    return range.from === range.to
      ? formatDay(range.from)
      : `${formatDay(range.from)} – ${formatDay(range.to)}`;
  if (range.from) return `Since ${formatDay(range.from)}`;
  if (range.to) return `Until ${formatDay(range.to)}`;
  return PRESET_LABELS.all;
}
