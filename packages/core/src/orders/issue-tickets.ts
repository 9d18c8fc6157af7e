import type { TicketCodeSigner } from './ticket-signer';
import type { Tx } from '../db/database';
import type { OrderRow, TicketRow } from '../db/schema';
import type { Clock } from '../shared/clock';
import { newId } from '../shared/ids';
import type { Attendee } from '../shared/attendee-fields';
import { splitAcrossSeats } from '../shared/seat-split';

const TICKETS_PER_INSERT = 500;

/**
 * One ticket per seat of a paid order, each with its holder (the attendee given for that seat,
 * else the buyer) and what that seat cost after discount, and the tax in that.
 */
export async function issueTickets(
  tx: Tx,
  clock: Clock,
  signer: TicketCodeSigner,
  order: OrderRow,
  organizerId: string,
): Promise<TicketRow[]> {
  const items = await tx
    .selectFrom('order_items')
    .selectAll()
    .where('order_id', '=', order.id)
    .orderBy('id')
    .execute();
  const attendees = JSON.parse(order.attendees) as Attendee[];
  // Stamped with the sale time itself, so analytics put an order's money and its tickets on the
  // same side of any date filter.
  const now = order.paid_at ?? clock.now().toISOString();
  const tickets: TicketRow[] = [];
  for (const item of items) {
    // Price and tax split alike: a refunded seat takes back its own share of both (credit notes).
    const taxes = splitAcrossSeats(item.tax, item.quantity);
    for (const [k, price] of splitAcrossSeats(item.total, item.quantity).entries()) {
      // The seat links the ticket to its attendee's answers (question_answers.seat).
      const seat = tickets.length;
      const attendee = attendees[seat];
      const id = newId();
      tickets.push({
        id,
        order_id: order.id,
        event_id: order.event_id,
        ticket_type_id: item.ticket_type_id,
        holder_name: attendee?.name ?? order.buyer_name,
        holder_email: attendee?.email ?? order.buyer_email,
        age_range: attendee?.ageRange ?? null,
        country: attendee?.country ?? null,
        price_paid: price,
        code: await signer.sign(tx, organizerId, { ticketId: id, eventId: order.event_id }),
        status: 'valid',
        checked_in_at: null,
        voided_at: null,
        created_at: now,
        checked_in_by: null,
        checkin_device: null,
        checkin_nonce: null,
        seat,
        tax_rate: item.tax_rate,
        tax: taxes[k]!,
      });
    }
  }
  // In chunks: a 50,000-seat order would pass both engines' limits on bound parameters.
  for (let i = 0; i < tickets.length; i += TICKETS_PER_INSERT)
    await tx
      .insertInto('tickets')
      .values(tickets.slice(i, i + TICKETS_PER_INSERT))
      .execute();
  return tickets;
}
