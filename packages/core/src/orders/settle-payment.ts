import { recordSale } from '../analytics/sales-rollups';
import type { AuditAction } from '../audit/audit-actions';
import { writeAudit } from '../audit/write-audit';
import type { Tx } from '../db/database';
import type { OrderRow } from '../db/schema';
import { toMajorUnits } from '../shared/money';
import { enqueueEmail } from '../outbox/enqueue-email';
import { issueInvoice } from '../invoicing/issue-invoice';
import { issueTickets } from './issue-tickets';
import type { OrderDeps } from './order-deps';
import { hashOrderToken } from './order-links';

/**
 * After an order became paid: issue its tickets and its invoice, queue the confirmation mail, audit. The mail
 * links to the order page with its token (derived again here, see order-links.ts: the token that
 * placed the order is not at hand when a webhook or a late payment gets here), so a guest reaches
 * the order from the mail; the link is kept in no other place than the outbox row of that mail.
 */
export async function settlePaidOrder(
  tx: Tx,
  deps: Pick<OrderDeps, 'clock' | 'ticketCodes' | 'orderLinks'>,
  order: OrderRow,
  action: AuditAction,
  actorId: string | null,
): Promise<void> {
  const { clock } = deps;
  const event = await tx
    .selectFrom('events')
    .select(['id', 'name', 'starts_at', 'timezone', 'organizer_id', 'invoicing', 'prices_include_tax'])
    .where('id', '=', order.event_id)
    .executeTakeFirstOrThrow();
  // An order placed before tokens existed (migration 009) gets its hash now, so the link works.
  if (!order.order_token_hash)
    await tx
      .updateTable('orders')
      .set({ order_token_hash: hashOrderToken(deps.orderLinks.token(order.id)) })
      .where('id', '=', order.id)
      .execute();
  const tickets = await issueTickets(tx, clock, deps.ticketCodes, order, event.organizer_id);
  await recordSale(tx, order, tickets);
  // Numbered last but the two inserts below: the organizer's invoice counter stays locked to the commit.
  const invoiceId = await issueInvoice(tx, order, event, order.paid_at!);
  await enqueueEmail(tx, clock, {
    to: order.buyer_email,
    subject: `Your tickets for ${event.name}`,
    text: [
      `Hello ${order.buyer_name},`,
      '',
      `Thank you for your order ${order.reference}: ${tickets.length} ticket(s) for ${event.name}.`,
      `Total paid: ${toMajorUnits(order.total, order.currency)} ${order.currency}.`,
      '',
      ...tickets.map((t) => `- ${t.holder_name}: ticket code ${t.code}`),
      '',
      'Show the QR code of each ticket at the door.',
      '',
      `Your order, its tickets and refunds: ${deps.orderLinks.pageUrl(order.id)}`,
      'Keep this link to yourself: whoever has it can manage the order.',
    ].join('\n'),
    attachOrderTickets: order.id,
    ...(invoiceId ? { attachInvoices: [invoiceId] } : {}),
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
