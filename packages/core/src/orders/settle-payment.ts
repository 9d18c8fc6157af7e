import { recordSale } from '../analytics/sales-rollups';
import type { AuditAction } from '../audit/audit-actions';
import { writeAudit } from '../audit/write-audit';
import type { Tx } from '../db/database';
import type { OrderRow } from '../db/schema';
import { toMajorUnits } from '../shared/money';
import { enqueueEmail } from '../outbox/enqueue-email';
import { issueTickets } from './issue-tickets';
import type { OrderDeps } from './order-deps';

/** After an order became paid: issue its tickets, queue the confirmation mail, audit. */
export async function settlePaidOrder(
  tx: Tx,
  deps: Pick<OrderDeps, 'clock' | 'ticketCodes'>,
  order: OrderRow,
  action: AuditAction,
  actorId: string | null,
): Promise<void> {
  const { clock } = deps;
  const [buyer, event] = await Promise.all([
    tx
      .selectFrom('users')
      .select(['email', 'name'])
      .where('id', '=', order.buyer_id)
      .executeTakeFirstOrThrow(),
    tx
      .selectFrom('events')
      .select(['name', 'starts_at', 'timezone', 'organizer_id'])
      .where('id', '=', order.event_id)
      .executeTakeFirstOrThrow(),
  ]);
  const tickets = await issueTickets(tx, clock, deps.ticketCodes, order, event.organizer_id);
  await recordSale(tx, order, tickets);
  await enqueueEmail(tx, clock, {
    to: buyer.email,
    subject: `Your tickets for ${event.name}`,
    text: [
      `Hello ${buyer.name},`,
      '',
      `Thank you for your order ${order.reference}: ${tickets.length} ticket(s) for ${event.name}.`,
      `Total paid: ${toMajorUnits(order.total, order.currency)} ${order.currency}.`,
      '',
      ...tickets.map((t) => `- ${t.holder_name}: ticket code ${t.code}`),
      '',
      'Show the QR code of each ticket at the door.',
    ].join('\n'),
    attachOrderTickets: order.id,
  });
  await writeAudit(tx, clock, {
    actorId,
    action,
    targetType: 'order',
    targetId: order.id,
    details: {
      eventId: order.event_id,
      total: order.total,
      currency: order.currency,
      tickets: tickets.length,
    },
  });
}
