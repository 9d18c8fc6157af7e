import type { Api } from '@eventhub/client';
import { apiErrorOf } from '../../lib/api-problem';
import type { RangeQuery } from './analytics-range';

/**
 * The analytics CSV files. The API serves them only with the access token, so they are fetched as
 * blobs (and then saved with saveBlob) rather than linked.
 */

export const EVENT_TABLES = ['ticket-types', 'sales-over-time', 'demographics', 'promotions'] as const;
export type EventTable = (typeof EVENT_TABLES)[number];

export type EventExport = 'orders' | 'attendees' | EventTable;

export const EVENT_EXPORT_LABELS: Record<EventExport, string> = {
  orders: 'Orders',
  attendees: 'Attendees',
  'ticket-types': 'Ticket types',
  'sales-over-time': 'Sales over time',
  demographics: 'Demographics',
  promotions: 'Promo codes',
};

function blobOf({ data, error, response }: { data?: unknown; error?: unknown; response: Response }): Blob {
  if (!response.ok || !(data instanceof Blob)) throw apiErrorOf(response, error);
  return data;
}

/**
 * One of an event's CSV files. Orders and attendees are every sold order and ticket; the analytics
 * tables follow the dashboard's date range.
 */
export async function eventCsv(client: Api, eventId: string, file: EventExport, range: RangeQuery) {
  const path = { id: eventId };
  if (file === 'orders')
    return blobOf(await client.raw.GET('/api/events/{id}/orders.csv', { params: { path }, parseAs: 'blob' }));
  if (file === 'attendees')
    return blobOf(
      await client.raw.GET('/api/events/{id}/attendees.csv', { params: { path }, parseAs: 'blob' }),
    );
  return blobOf(
    await client.raw.GET('/api/analytics/events/{id}/export.csv', {
      params: { path, query: { table: file, ...range } },
      parseAs: 'blob',
    }),
  );
}

/** The organizer's events with their figures over the range, as CSV. */
export async function organizerEventsCsv(client: Api, range: RangeQuery) {
  return blobOf(
    await client.raw.GET('/api/analytics/organizer/export.csv', {
      params: { query: range },
      parseAs: 'blob',
    }),
  );
}
