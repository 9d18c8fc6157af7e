import type { DbOrTx } from '../db/database';

/**
 * What issuing a ticket needs from the door's key ring. Orders own this interface so they never
 * import check-in; the API passes the organizer key ring (`checkin/key-ring.ts`), which fits it.
 */
export interface TicketCodeSigner {
  sign(db: DbOrTx, organizerId: string, ticket: { ticketId: string; eventId: string }): Promise<string>;
}
