import type { Tx } from '../db/database';
import type { TicketsTable } from '../db/schema';
import type { ConflictError } from '../shared/errors';
import type { TicketCodeSigner } from './ticket-signer';

/**
 * Gives a valid ticket a newly signed code (and any other changes in `set`) and revokes the old
 * code: the door refuses it as void, online (it no longer matches the ticket) and offline (the
 * scanners' list of revoked codes). Conditional on the code and status read before, so a ticket
 * admitted, refunded or changed meanwhile is refused with `refused()` (a 409).
 */
export async function replaceTicketCode(
  tx: Tx,
  signer: TicketCodeSigner,
  ticket: { id: string; event_id: string; code: string; organizer_id: string },
  at: string,
  refused: () => ConflictError,
  set: Partial<Pick<TicketsTable, 'holder_name' | 'holder_email'>> = {},
): Promise<string> {
  const code = await signer.sign(tx, ticket.organizer_id, { ticketId: ticket.id, eventId: ticket.event_id });
  const changed = await tx
    .updateTable('tickets')
    .set({ ...set, code })
    .where('id', '=', ticket.id)
    .where('code', '=', ticket.code)
    .where('status', '=', 'valid')
    .executeTakeFirst();
  if (Number(changed.numUpdatedRows) !== 1) throw refused();
  await tx
    .insertInto('revoked_ticket_codes')
    .values({ code: ticket.code, ticket_id: ticket.id, event_id: ticket.event_id, revoked_at: at })
    .execute();
  return code;
}
