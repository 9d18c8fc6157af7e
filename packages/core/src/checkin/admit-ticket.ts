import type { ExpressionBuilder, QueryCreator } from 'kysely';
import type { DbOrTx } from '../db/database';
import type { Database } from '../db/schema';

export type ScanResult = 'valid' | 'already_used' | 'void' | 'wrong_event' | 'invalid_code';

export interface ScannedTicket {
  id: string;
  eventId: string;
  ticketTypeId: string;
  ticketTypeName: string;
  holderName: string;
}

export interface Admission {
  result: ScanResult;
  ticket: ScannedTicket | null;
  /** The ticket's (first) check-in time when it is or was admitted. */
  checkedInAt: string | null;
  /** The same scan again (same nonce and user): the first answer repeated, nothing changed. */
  replay?: boolean;
  /** Offline upload only: this earlier scan replaced a later recorded check-in of the ticket. */
  supersededCheckInAt?: string;
}

export interface Scan {
  /** The full code as presented; its signature has already been verified. */
  code: string;
  ticketId: string;
  eventId: string;
  at: string;
  actorId: string;
  deviceId: string | null;
  nonce: string | null;
}

const ticketTypeName = (eb: ExpressionBuilder<Database, 'tickets'>) =>
  eb
    .selectFrom('ticket_types')
    .select('name')
    .whereRef('ticket_types.id', '=', 'tickets.ticket_type_id')
    .as('type_name');

export const toScanned = (row: {
  id: string;
  event_id: string;
  ticket_type_id: string;
  type_name: string | null;
  holder_name: string;
}): ScannedTicket => ({
  id: row.id,
  eventId: row.event_id,
  ticketTypeId: row.ticket_type_id,
  ticketTypeName: row.type_name ?? '',
  holderName: row.holder_name,
});

export const returned = ['id', 'event_id', 'ticket_type_id', 'holder_name', 'checked_in_at'] as const;

const checkInOf = (scan: Scan) => ({
  checked_in_at: scan.at,
  checked_in_by: scan.actorId,
  checkin_device: scan.deviceId,
  checkin_nonce: scan.nonce,
});

/**
 * The admission itself: one conditional UPDATE from `valid` to `used`, so of any number of
 * concurrent scans exactly one matches the row.
 */
export function admissionUpdate(db: QueryCreator<Database>, scan: Scan) {
  return (
    db
      .updateTable('tickets')
      .set({ status: 'used', ...checkInOf(scan) })
      // By primary key only: the stored code names the event, so `code` matching settles that too,
      // and the planner is never tempted by the (event, status) index of a freshly loaded table.
      .where('id', '=', scan.ticketId)
      .where('code', '=', scan.code)
      .where('status', '=', 'valid')
      // Cancelling refunds and voids every ticket; this also covers a scan racing that cancellation.
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('events')
              .select('events.id')
              .whereRef('events.id', '=', 'tickets.event_id')
              .where('events.status', '=', 'cancelled'),
          ),
        ),
      )
      .returning(returned)
  );
}

/**
 * Admits a ticket at most once (see `admissionUpdate`); every other outcome is read back
 * afterwards. With `earliestWins` (offline uploads) a scan older than the recorded check-in
 * takes its place.
 */
export async function admitTicket(
  db: DbOrTx,
  scan: Scan,
  options: {
    earliestWins?: boolean;
    /**
     * The admission UPDATE already ran and matched nothing (admit-in-one-statement.ts): only say
     * why. Nothing turns an unadmitted ticket admissible meanwhile (used stays used, void stays void).
     */
    admissionFailed?: boolean;
  } = {},
): Promise<Admission> {
  const checkIn = checkInOf(scan);
  const admitted = options.admissionFailed
    ? undefined
    : await admissionUpdate(db, scan).returning(ticketTypeName).executeTakeFirst();
  if (admitted) return { result: 'valid', ticket: toScanned(admitted), checkedInAt: admitted.checked_in_at };

  const ticket = await db
    .selectFrom('tickets')
    .select([...returned, 'code', 'status', 'checked_in_by', 'checkin_nonce'])
    .select(ticketTypeName)
    .select((eb) =>
      eb
        .selectFrom('events')
        .select('events.status')
        .whereRef('events.id', '=', 'tickets.event_id')
        .as('event_status'),
    )
    .where('id', '=', scan.ticketId)
    .executeTakeFirst();
  // Correctly signed, yet no such ticket of that event: treat it as a code we never issued.
  if (!ticket || ticket.event_id !== scan.eventId)
    return { result: 'invalid_code', ticket: null, checkedInAt: null };
  const scanned = toScanned(ticket);
  // A reissued ticket's old code is still correctly signed, but no longer the ticket's code.
  if (ticket.code !== scan.code || ticket.status === 'void' || ticket.event_status === 'cancelled')
    return { result: 'void', ticket: scanned, checkedInAt: ticket.checked_in_at };
  if (scan.nonce && ticket.checkin_nonce === scan.nonce && ticket.checked_in_by === scan.actorId)
    return { result: 'valid', ticket: scanned, checkedInAt: ticket.checked_in_at, replay: true };
  if (options.earliestWins && ticket.checked_in_at && scan.at < ticket.checked_in_at) {
    const moved = await db
      .updateTable('tickets')
      .set(checkIn)
      .where('id', '=', scan.ticketId)
      .where('status', '=', 'used')
      .where('checked_in_at', '>', scan.at)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) === 1)
      return {
        result: 'valid',
        ticket: scanned,
        checkedInAt: scan.at,
        supersededCheckInAt: ticket.checked_in_at,
      };
  }
  return { result: 'already_used', ticket: scanned, checkedInAt: ticket.checked_in_at };
}
