import type { Tx } from '../db/database';
import type { OrderItemRow, OrderRow } from '../db/schema';
import { newId } from '../shared/ids';
import { taxRatePercent } from '../shared/tax-rate';
import type { Billing } from './billing';
import type { InvoiceDocument, InvoiceLine, InvoiceParty } from './invoice-document';
import { takeInvoiceNumber } from './invoice-numbers';
import { taxesByRate } from './line-taxes';

/** An order's lines in issue order (the tickets' seats follow it), with their tier names. */
export function loadOrderLines(tx: Tx, orderId: string): Promise<(OrderItemRow & { name: string })[]> {
  return tx
    .selectFrom('order_items')
    .innerJoin('ticket_types', 'ticket_types.id', 'order_items.ticket_type_id')
    .selectAll('order_items')
    .select('ticket_types.name')
    .where('order_items.order_id', '=', orderId)
    .orderBy('order_items.id')
    .execute();
}

/** The buyer as billed: the checkout's billing details, else the order's name and address. */
export function buyerParty(order: Pick<OrderRow, 'billing' | 'buyer_name' | 'buyer_email'>): InvoiceParty {
  const billing = order.billing ? (JSON.parse(order.billing) as Billing) : null;
  return {
    name: billing?.name ?? order.buyer_name,
    company: billing?.company ?? null,
    address: billing?.address ?? null,
    vatId: billing?.vatId ?? null,
    email: order.buyer_email,
  };
}

type DocumentDraft = Omit<InvoiceDocument, 'id' | 'number' | 'issuedAt' | 'taxes' | 'net' | 'tax' | 'gross'>;

/**
 * Numbers and stores a document: totals and the tax table are summed from its lines here, so
 * net + tax = gross holds by construction. The number is taken last (invoice-numbers.ts).
 */
export async function recordInvoice(
  tx: Tx,
  draft: DocumentDraft,
  row: { organizerId: string; prefix: string; eventId: string; orderId: string; refundId: string | null },
  issuedAt: string,
): Promise<InvoiceDocument> {
  const rated = draft.lines.map((l) => ({ rate: Math.round(l.taxRate * 100), net: l.net, tax: l.tax }));
  const taxes = taxesByRate(rated).map((t) => ({ rate: taxRatePercent(t.rate), net: t.net, tax: t.tax }));
  const sum = (pick: (l: InvoiceLine) => number) => draft.lines.reduce((s, l) => s + pick(l), 0);
  const id = newId();
  const { year, sequence, number } = await takeInvoiceNumber(tx, row.organizerId, row.prefix, issuedAt);
  const document: InvoiceDocument = {
    ...draft,
    id,
    number,
    issuedAt,
    taxes,
    net: sum((l) => l.net),
    tax: sum((l) => l.tax),
    gross: sum((l) => l.gross),
  };
  await tx
    .insertInto('invoices')
    .values({
      id,
      organizer_id: row.organizerId,
      event_id: row.eventId,
      order_id: row.orderId,
      kind: document.kind,
      refund_id: row.refundId,
      corrects_id: document.refersTo?.id ?? null,
      year,
      sequence,
      number,
      issued_at: issuedAt,
      currency: document.currency,
      net: document.net,
      tax: document.tax,
      gross: document.gross,
      document: JSON.stringify(document),
    })
    .execute();
  return document;
}
