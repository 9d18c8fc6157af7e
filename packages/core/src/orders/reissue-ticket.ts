import { writeAudit } from '../audit/write-audit';
import type { Actor, RequestMeta } from '../shared/actor';
import { findOrderFor } from './order-access';
import { ConflictError, NotFoundError } from '../shared/errors';
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
    const code = await deps.keys.sign(tx, ticket.organizer_id, {
      ticketId: ticket.id,
      eventId: ticket.event_id,
    });
    const now = deps.clock.now().toISOString();
    const changed = await tx
      .updateTable('tickets')
      .set({ code })
      .where('id', '=', ticket.id)
      .where('code', '=', ticket.code)
      .where('status', '=', 'valid')
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1)
      throw new ConflictError(
        'ticket_not_reissuable',
        'Only a valid ticket that has not been used can be reissued',
      );
    await tx
      .insertInto('revoked_ticket_codes')
      .values({ code: ticket.code, ticket_id: ticket.id, event_id: ticket.event_id, revoked_at: now })
      .execute();
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
