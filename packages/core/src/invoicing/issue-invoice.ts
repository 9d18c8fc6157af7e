import type { Tx } from '../db/database';
import type { EventRow, OrderRow } from '../db/schema';
import { taxRatePercent } from '../shared/tax-rate';
import { loadProfileRow, profileAddress } from './organizer-profile';
import { buyerParty, loadOrderLines, recordInvoice } from './record-invoice';

export type InvoicedEvent = Pick<
  EventRow,
  'id' | 'name' | 'starts_at' | 'timezone' | 'organizer_id' | 'invoicing' | 'prices_include_tax'
>;

/**
 * The invoice of an order that just became paid, in the paying transaction: issued when the event
 * invoices and money changed hands (a free order gets none). Returns its id, or null.
 */
export async function issueInvoice(
  tx: Tx,
  order: OrderRow,
  event: InvoicedEvent,
  issuedAt: string,
): Promise<string | null> {
  if (event.invoicing === 'off' || order.total === 0) return null;
  const profile = await loadProfileRow(tx, event.organizer_id);
  // Invoicing cannot be turned on without a profile (events/invoicing-readiness.ts).
  if (!profile) return null;
  const lines = await loadOrderLines(tx, order.id);
  const document = await recordInvoice(
    tx,
    {
      kind: 'invoice',
      currency: order.currency,
      seller: {
        name: profile.legal_name,
        company: null,
        address: profileAddress(profile),
        vatId: profile.vat_id,
        email: null,
      },
      buyer: buyerParty(order),
      orderReference: order.reference,
      event: { name: event.name, startsAt: event.starts_at, timezone: event.timezone },
      lines: lines.map((l) => ({
        description: l.name,
        quantity: l.quantity,
        unitPrice: l.unit_price,
        discount: l.discount,
        taxRate: taxRatePercent(l.tax_rate),
        net: l.total - l.tax,
        tax: l.tax,
        gross: l.total,
      })),
      pricesIncludeTax: event.prices_include_tax === 1,
      reverseCharge: order.reverse_charge === 1,
      footer: profile.invoice_footer,
      refersTo: null,
    },
    {
      organizerId: event.organizer_id,
      prefix: profile.invoice_prefix,
      eventId: event.id,
      orderId: order.id,
      refundId: null,
    },
    issuedAt,
  );
  return document.id;
}
