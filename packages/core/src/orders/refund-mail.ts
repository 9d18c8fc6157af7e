import type { Tx } from '../db/database';
import type { OrderRow } from '../db/schema';
import { enqueueEmail } from '../outbox/enqueue-email';
import { toMajorUnits } from '../shared/money';
import type { OrderDeps } from './order-deps';

/**
 * Tells the buyer about a refund, in the refunding transaction: how much, for how many tickets,
 * with its credit note attached when the order was invoiced, and the order's link.
 */
export async function queueRefundMail(
  tx: Tx,
  deps: Pick<OrderDeps, 'clock' | 'orderLinks'>,
  order: OrderRow,
  refund: { amount: number; tickets: number; reason: string | null; creditNoteId: string | null },
): Promise<void> {
  const event = await tx
    .selectFrom('events')
    .select('name')
    .where('id', '=', order.event_id)
    .executeTakeFirstOrThrow();
  await enqueueEmail(tx, deps.clock, {
    to: order.buyer_email,
    subject: `Your refund for ${event.name}`,
    text: [
      `Hello ${order.buyer_name},`,
      '',
      `${refund.tickets} ticket(s) of your order ${order.reference} for ${event.name} were refunded` +
        (refund.amount > 0
          ? `: ${toMajorUnits(refund.amount, order.currency)} ${order.currency} go back to the way you paid.`
          : '.'),
      ...(refund.reason ? ['', `Reason: ${refund.reason}`] : []),
      ...(refund.creditNoteId ? ['', 'The credit note for this refund is attached.'] : []),
      '',
      `Your order: ${deps.orderLinks.pageUrl(order.id)}`,
    ].join('\n'),
    ...(refund.creditNoteId ? { attachInvoices: [refund.creditNoteId] } : {}),
  });
}
