import type { Tx } from '../db/database';
import type { OrderRow, TicketRow } from '../db/schema';
import { splitAcrossSeats } from '../shared/seat-split';
import { taxRatePercent } from '../shared/tax-rate';
import type { InvoiceDocument, InvoiceLine } from './invoice-document';
import { DEFAULT_INVOICE_PREFIX, loadProfileRow } from './organizer-profile';
import { loadOrderLines, recordInvoice } from './record-invoice';

type RefundedTicket = Pick<TicketRow, 'ticket_type_id' | 'price_paid' | 'tax' | 'seat'>;

const sumOf = <T>(items: T[], pick: (item: T) => number) => items.reduce((s, i) => s + pick(i), 0);

/**
 * The credit note of a refund, in the refunding transaction: exactly the refunded tickets, each
 * with the share of its line it was sold for (price and tax split across seats as the tickets
 * were issued), so the credit notes of an order never take back more than its invoice and a full
 * refund takes back all of it, per rate and to the cent. Amounts are negative. None when the
 * order has no invoice or nothing was paid for these tickets. Returns its id, or null.
 */
export async function issueCreditNote(
  tx: Tx,
  order: Pick<OrderRow, 'id'>,
  refundId: string,
  tickets: RefundedTicket[],
  issuedAt: string,
): Promise<string | null> {
  const invoice = await tx
    .selectFrom('invoices')
    .select(['id', 'organizer_id', 'event_id', 'number', 'issued_at', 'document'])
    .where('order_id', '=', order.id)
    .where('kind', '=', 'invoice')
    .executeTakeFirst();
  if (!invoice || sumOf(tickets, (t) => t.price_paid) === 0) return null;
  const original = JSON.parse(invoice.document) as InvoiceDocument;
  const lines: InvoiceLine[] = [];
  let firstSeat = 0;
  for (const line of await loadOrderLines(tx, order.id)) {
    const refunded = tickets.filter((t) => t.ticket_type_id === line.ticket_type_id);
    // The discount share of a seat, split the way issue-tickets.ts split the line's price.
    const discounts = splitAcrossSeats(line.discount, line.quantity);
    if (refunded.length > 0) {
      const gross = sumOf(refunded, (t) => t.price_paid);
      const tax = sumOf(refunded, (t) => t.tax);
      lines.push({
        description: line.name,
        quantity: refunded.length,
        unitPrice: line.unit_price,
        discount: -sumOf(refunded, (t) => (t.seat === null ? 0 : (discounts[t.seat - firstSeat] ?? 0))),
        taxRate: taxRatePercent(line.tax_rate),
        net: -(gross - tax),
        tax: -tax,
        gross: -gross,
      });
    }
    firstSeat += line.quantity;
  }
  const profile = await loadProfileRow(tx, invoice.organizer_id);
  const document = await recordInvoice(
    tx,
    {
      ...original,
      kind: 'credit_note',
      lines,
      refersTo: { id: invoice.id, number: invoice.number, issuedAt: invoice.issued_at },
    },
    {
      organizerId: invoice.organizer_id,
      prefix: profile?.invoice_prefix ?? DEFAULT_INVOICE_PREFIX,
      eventId: invoice.event_id,
      orderId: order.id,
      refundId,
    },
    issuedAt,
  );
  return document.id;
}
