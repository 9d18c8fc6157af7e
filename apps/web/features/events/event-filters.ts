import type { EventsQuery } from '@eventhub/client';
import { parsePage } from '../../lib/page-number';

/** The home page's filters as they appear in its URL: `?q&city&from&to&page`, dates as YYYY-MM-DD. */
export interface EventFilters {
  q: string;
  city: string;
  from: string;
  to: string;
  page: number;
}

export type RawSearchParams = Record<string, string | string[] | undefined>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}

function day(value: string | string[] | undefined): string {
  const text = first(value);
  return DAY.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) ? text : '';
}

export function readEventFilters(params: RawSearchParams): EventFilters {
  return {
    q: first(params.q).slice(0, 200),
    city: first(params.city).slice(0, 120),
    from: day(params.from),
    to: day(params.to),
    page: parsePage(first(params.page) || null),
  };
}

export function hasFilters(filters: EventFilters): boolean {
  return Boolean(filters.q || filters.city || filters.from || filters.to);
}

/**
 * The API query. Each event has its own time zone and the visitor's is unknown on the server,
 * so a date filter covers that whole calendar day in UTC.
 */
export function toEventsQuery(filters: EventFilters, pageSize: number): EventsQuery {
  return {
    q: filters.q || undefined,
    city: filters.city || undefined,
    from: filters.from ? `${filters.from}T00:00:00.000Z` : undefined,
    to: filters.to ? `${filters.to}T23:59:59.999Z` : undefined,
    page: filters.page,
    pageSize,
  };
}

/** The filters as a query string, without the page; what the pagination links build on. */
export function filterSearchParams(filters: EventFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['q', 'city', 'from', 'to'] as const) if (filters[key]) params.set(key, filters[key]);
  return params;
}
