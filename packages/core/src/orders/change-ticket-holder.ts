import { isValidEmail } from '../shared/email-address';
import { writeAudit } from '../audit/write-audit';
import { enqueueEmail } from '../outbox/enqueue-email';
import type { RequestMeta } from '../shared/actor';
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../shared/errors';
import { callerUserId, findOrderFor, type OrderCaller } from './order-access';
import type { OrderDeps } from './order-deps';
import { toTicketView, type TicketView } from './order-view';
import { replaceTicketCode } from './replace-ticket-code';
import { assertTicketChangeAllowed } from './ticket-change-deadline';

export interface ChangeHolderInput {
  holderName?: string | undefined;
  holderEmail?: string | null | undefined;
}

function validate(input: ChangeHolderInput): { name?: string; email?: string | null } {
  const errors: FieldError[] = [];
  const name = input.holderName?.trim();
  const email = input.holderEmail === null ? null : input.holderEmail?.trim().toLowerCase();
  if (name === undefined && email === undefined)
    errors.push({ field: 'holderName', message: 'give holderName, holderEmail or both' });
  if (name !== undefined && (name.length < 1 || name.length > 100))
    errors.push({ field: 'holderName', message: 'must be 1–100 characters' });
  if (email && !isValidEmail(email))
    errors.push({ field: 'holderEmail', message: 'must be an e-mail address' });
  if (errors.length) throw new ValidationError(errors);
  return { ...(name !== undefined ? { name } : {}), ...(email !== undefined ? { email } : {}) };
}

/**
 * The buyer (signed in, or holding the order's token) names another holder for one ticket, until
 * the event's change deadline (409 `change_deadline_passed`). The ticket gets a new code and the
 * old one is void at the door, so a ticket passed on cannot be used twice; a used or void ticket
 * cannot change (409 `ticket_not_changeable`). The new holder is mailed their ticket.
 */
export async function changeTicketHolder(
  deps: OrderDeps,
  caller: OrderCaller,
  orderId: string,
  ticketId: string,
  input: ChangeHolderInput,
  meta: RequestMeta,
): Promise<TicketView> {
  const change = validate(input);
  const { order, role } = await findOrderFor(deps.db, caller, orderId);
  // Like paying and cancelling, this is the buyer's: the organizer reissues codes instead.
  if (role !== 'buyer') throw new NotFoundError('Order');
  const ticket = await deps.db
    .selectFrom('tickets')
    .innerJoin('events', 'events.id', 'tickets.event_id')
    .innerJoin('ticket_types', 'ticket_types.id', 'tickets.ticket_type_id')
    .selectAll('tickets')
    .select([
      'events.organizer_id',
      'events.name as event_name',
      'events.starts_at',
      'events.holder_change_until_hours_before',
      'ticket_types.name as tier',
    ])
    .where('tickets.id', '=', ticketId)
    .where('tickets.order_id', '=', order.id)
    .executeTakeFirst();
  if (!ticket) throw new NotFoundError('Ticket');
  const now = deps.clock.now();
  assertTicketChangeAllowed(ticket, now);

  const holder = {
    holder_name: change.name ?? ticket.holder_name,
    holder_email: change.email !== undefined ? change.email : ticket.holder_email,
  };
  const code = await deps.db.transaction().execute(async (tx) => {
    const at = now.toISOString();
    const newCode = await replaceTicketCode(
      tx,
      deps.ticketCodes,
      ticket,
      at,
      () =>
        new ConflictError(
          'ticket_not_changeable',
          'Only a valid ticket, not used at the door nor refunded, can change holder',
        ),
      holder,
    );
    await writeAudit(tx, deps.clock, {
      actorId: callerUserId(caller),
      action: 'ticket.holder_changed',
      targetType: 'ticket',
      targetId: ticket.id,
      ip: meta.ip,
      details: {
        orderId: order.id,
        eventId: ticket.event_id,
        byToken: 'orderToken' in caller && callerUserId(caller) === null,
      },
    });
    if (holder.holder_email)
      await enqueueEmail(tx, deps.clock, {
        to: holder.holder_email,
        subject: `Your ticket for ${ticket.event_name}`,
        text: [
          `Hello ${holder.holder_name},`,
          '',
          `${order.buyer_name} passed a ticket for ${ticket.event_name} (${ticket.tier}) on to you.`,
          `Order ${order.reference}. Your ticket code: ${newCode}`,
          '',
          'Show this code (as its QR code) at the door. Any earlier code of this ticket no longer works.',
        ].join('\n'),
      });
    return newCode;
  });
  if (holder.holder_email) deps.afterCommit.mailQueued();
  const {
    organizer_id: _o,
    event_name: _e,
    starts_at: _s,
    holder_change_until_hours_before: _h,
    tier,
    ...row
  } = ticket;
  return toTicketView({ ...row, ...holder, code }, tier, order.currency);
}
