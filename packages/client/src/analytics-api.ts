import type { Client } from 'openapi-fetch';
import type { paths } from './generated/schema';
import type { AnalyticsRange, PlatformAnalyticsQuery } from './types';
import { unwrap } from './unwrap';

/** `api.analytics.*`: sales figures of the caller's events (organizers) or any event (admins). */
export function analyticsApi(client: Client<paths>) {
  return {
    event: (eventId: string, range: AnalyticsRange = {}) =>
      unwrap(client.GET('/api/analytics/events/{id}', { params: { path: { id: eventId }, query: range } })),
    organizer: (range: AnalyticsRange = {}) =>
      unwrap(client.GET('/api/analytics/organizer', { params: { query: range } })),
  };
}

export function adminAnalyticsApi(client: Client<paths>) {
  return {
    get: (query: PlatformAnalyticsQuery = {}) =>
      unwrap(client.GET('/api/admin/analytics', { params: { query } })),
  };
}
