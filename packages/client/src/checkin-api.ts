import type { Client } from 'openapi-fetch';
import type { paths } from './generated/schema';
import type { CheckinEventsQuery, CheckinSyncInput, ValidateTicketInput } from './types';
import { unwrap } from './unwrap';

/**
 * `api.checkin.*`: door check-in for staff, organizers and admins. A refused scan is an ApiError
 * whose `code` says why (`already_used`, `void`, `wrong_event`, `invalid_code`); `already_used`
 * and `void` carry the `ticket` (and the first `checkedInAt`) in `problem`.
 */
export function checkinApi(client: Client<paths>) {
  const id = (eventId: string) => ({ params: { path: { id: eventId } } });
  return {
    /** Admits a ticket; send one fresh `nonce` per scan and reuse it only to retry that scan. */
    validate: (body: ValidateTicketInput) => unwrap(client.POST('/api/tickets/validate', { body })),
    /** What a scanner needs to check codes offline: public keys, void tickets, revoked codes. */
    keys: (eventId: string) => unwrap(client.GET('/api/events/{id}/checkin-keys', id(eventId))),
    /** Uploads scans admitted offline (at most 500 at a time); conflicts come back per scan. */
    sync: (eventId: string, body: CheckinSyncInput) =>
      unwrap(client.POST('/api/events/{id}/checkins/sync', { ...id(eventId), body })),
    /** The events the caller may check in, with door counts. */
    events: (query: CheckinEventsQuery = {}) =>
      unwrap(client.GET('/api/checkin/events', { params: { query } })),
  };
}

/** `api.tickets.*`: one ticket of an order. */
export function ticketsApi(client: Client<paths>) {
  return {
    /** A new code for a valid, unused ticket (e.g. a leaked QR); the old code then scans as void. */
    reissue: (ticketId: string) =>
      unwrap(client.POST('/api/tickets/{id}/reissue', { params: { path: { id: ticketId } } })),
  };
}
