import { writeAudit } from '../audit/write-audit';
import type { Actor, RequestMeta } from '../shared/actor';
import { findOrderFor } from './order-access';
import { ConflictError, NotFoundError } from '../shared/errors';
import { replaceTicketCode } from './replace-ticket-code';
import type { CheckinDeps } from '../checkin/checkin-deps';

/**
 * Gives a ticket a new code (a leaked or lost QR) and revokes the old one, which scanners then
 * refuse as void. Only a valid ticket can be reissued: a used one has been admitted, and a void
 * one must stay void (pretix once handed out a fresh valid code on cancellation).
 */
export async function reissueTicket(
  deps: CheckinDeps,
  actor: Actor,
  ticketId: string,
  meta: RequestMeta,
): Promise<{ id: string; code: string }> {
  const ticket = await deps.db
    .selectFrom('tickets')
    .innerJoin('events', 'events.id', 'tickets.event_id')
    .select(['tickets.id', 'tickets.order_id', 'tickets.event_id', 'tickets.code', 'events.organizer_id'])
    .where('tickets.id', '=', ticketId)
    .executeTakeFirst();
  if (!ticket) throw new NotFoundError('Ticket');
  await findOrderFor(deps.db, actor, ticket.order_id);

  return deps.db.transaction().execute(async (tx) => {
    const now = deps.clock.now().toISOString();
    const code = await replaceTicketCode(
      tx,
      deps.keys,
      ticket,
      now,
      () =>
        new ConflictError(
          'ticket_not_reissuable',
          'Only a valid ticket that has not been used can be reissued',
        ),
    );
    await writeAudit(tx, deps.clock, {
      actorId: actor.userId,
      action: 'ticket.reissued',
      targetType: 'ticket',
      targetId: ticket.id,
      ip: meta.ip,
      details: { orderId: ticket.order_id, eventId: ticket.event_id },
    });
    return { id: ticket.id, code };
  });
}
