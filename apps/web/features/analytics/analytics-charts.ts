import { formatAnswerOption } from '../../lib/answer-format';
import { sumMoney } from '../../lib/money';
import type { Granularity } from './analytics-format';

/** The API's analytics shaped for charts and their text summaries; pure, so it is unit-tested. */

export interface SalesPoint {
  date: string;
  tickets: number;
  revenue: number;
}

/** The bucket with the most tickets (the earliest of equals), or null when nothing sold. */
export function busiestBucket(points: readonly SalesPoint[]): SalesPoint | null {
  let best: SalesPoint | null = null;
  for (const p of points) if (p.tickets > 0 && (!best || p.tickets > best.tickets)) best = p;
  return best;
}

/** Tickets and net revenue over all buckets, the revenue summed exactly. */
export function salesTotals(points: readonly SalesPoint[], currency: string) {
  return {
    tickets: points.reduce((n, p) => n + p.tickets, 0),
    revenue: sumMoney(
      points.map((p) => ({ amount: p.revenue })),
      currency,
    ),
  };
}

export interface CurrencySalesPoint {
  date: string;
  currency: string;
  orders: number;
  revenue: number;
}

/** One chart row: the bucket, and orders and net revenue per currency code. */
export interface CurrencyRow {
  date: string;
  orders: Record<string, number>;
  revenue: Record<string, number>;
}

// Past this many buckets a chart is unreadable anyway; only the buckets with sales are kept then.
const MAX_FILLED = 1000;

function nextBucket(date: string, granularity: Granularity): string {
  const at = new Date(granularity === 'day' ? `${date.slice(0, 10)}T00:00:00Z` : `${date}:00Z`);
  if (granularity === 'day') at.setUTCDate(at.getUTCDate() + 1);
  else at.setUTCHours(at.getUTCHours() + 1);
  const iso = at.toISOString();
  return granularity === 'day' ? iso.slice(0, 10) : `${iso.slice(0, 13)}:00`;
}

/**
 * Sales across events come as one point per bucket and currency, and only for buckets with sales.
 * For a chart: one row per bucket from the first to the last (quiet ones as zeros, so a gap reads
 * as a gap), with each currency's revenue apart — amounts of different currencies are never added.
 * Currencies are listed by total revenue, largest first.
 */
export function pivotCurrencySales(
  points: readonly CurrencySalesPoint[],
  granularity: Granularity,
): { currencies: string[]; rows: CurrencyRow[] } {
  const byDate = new Map<string, CurrencyRow>();
  const totals = new Map<string, number>();
  for (const p of points) {
    const row: CurrencyRow = byDate.get(p.date) ?? { date: p.date, orders: {}, revenue: {} };
    row.orders[p.currency] = (row.orders[p.currency] ?? 0) + p.orders;
    row.revenue[p.currency] = sumMoney(
      [{ amount: row.revenue[p.currency] ?? 0 }, { amount: p.revenue }],
      p.currency,
    );
    byDate.set(p.date, row);
    totals.set(
      p.currency,
      sumMoney([{ amount: totals.get(p.currency) ?? 0 }, { amount: p.revenue }], p.currency),
    );
  }
  const currencies = [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c]) => c);
  const dates = [...byDate.keys()].sort();
  const first = dates[0];
  const last = dates[dates.length - 1];
  const filled: string[] = [];
  if (first && last) {
    for (let d = first; d <= last && filled.length <= MAX_FILLED; d = nextBucket(d, granularity))
      filled.push(d);
  }
  const labels = filled.length > MAX_FILLED || filled.length < dates.length ? dates : filled;
  const rows = labels.map((date) => {
    const row = byDate.get(date);
    return {
      date,
      orders: Object.fromEntries(currencies.map((c) => [c, row?.orders[c] ?? 0])),
      revenue: Object.fromEntries(currencies.map((c) => [c, row?.revenue[c] ?? 0])),
    };
  });
  return { currencies, rows };
}

export interface CapacitySegment {
  key: 'sold' | 'held' | 'remaining';
  label: string;
  value: number;
  /** Of the whole bar, 0 to 1. */
  share: number;
}

/**
 * The capacity gauge's parts: sold, held by open checkouts, and still on sale. The bar's length is
 * the capacity, or the parts' sum should they ever add up to more (a capacity lowered under sales).
 */
export function capacitySegments(capacity: {
  total: number;
  sold: number;
  held: number;
  remaining: number;
}): CapacitySegment[] {
  const parts = [
    { key: 'sold' as const, label: 'Sold', value: Math.max(0, capacity.sold) },
    { key: 'held' as const, label: 'Held in checkouts', value: Math.max(0, capacity.held) },
    { key: 'remaining' as const, label: 'Remaining', value: Math.max(0, capacity.remaining) },
  ];
  const whole = Math.max(
    capacity.total,
    parts.reduce((n, p) => n + p.value, 0),
  );
  return parts.map((p) => ({ ...p, share: whole > 0 ? p.value / whole : 0 }));
}

/** The rows of a bar chart, largest first, at most `limit` (the rest summed into one last row). */
export function topRows<T>(
  rows: readonly T[],
  value: (row: T) => number,
  limit: number,
): { rows: T[]; rest: { count: number; value: number } | null } {
  const sorted = [...rows].sort((a, b) => value(b) - value(a));
  if (sorted.length <= limit) return { rows: sorted, rest: null };
  const rest = sorted.slice(limit);
  return {
    rows: sorted.slice(0, limit),
    rest: { count: rest.length, value: rest.reduce((n, r) => n + value(r), 0) },
  };
}

/** What the event's analytics say about one of its questions. */
export interface QuestionFigures {
  label: string;
  kind: string;
  answered: number;
  options: readonly { value: string; count: number }[];
}

// The kinds whose answers are counted per value; the others (free text, numbers…) only as answered.
const COUNTED_KINDS: ReadonlySet<string> = new Set(['choice', 'multi', 'checkbox', 'country']);
// Countries past this many bars are summed into one "Other" bar.
const MAX_COUNTRY_ROWS = 10;

/**
 * A question's bars: one per option in the organizer's order (checkbox Yes/No, countries by
 * name, largest first, the long tail as "Other"); null for a free-form kind, which has only its
 * count of answers.
 */
export function questionChartRows(
  question: QuestionFigures,
): { key: string; label: string; value: number }[] | null {
  if (!COUNTED_KINDS.has(question.kind)) return null;
  const rows = question.options.map((o) => ({
    key: o.value,
    label: formatAnswerOption(o.value, question.kind),
    value: o.count,
  }));
  if (question.kind !== 'country') return rows;
  const { rows: top, rest } = topRows(rows, (r) => r.value, MAX_COUNTRY_ROWS);
  return rest ? [...top, { key: 'other', label: `Other (${rest.count} countries)`, value: rest.value }] : top;
}
