import type { InvoiceDocument } from '../invoicing/invoice-document';
import { toInvoiceView, type InvoiceView } from '../invoicing/invoice-view';
import type { CoreDeps } from '../shared/core-deps';
import { NotFoundError } from '../shared/errors';
import { findOrderFor, type OrderCaller } from './order-access';

/** An order's invoice and credit notes, oldest first, for whoever may reach the order (else 404). */
export async function listOrderInvoices(
  deps: CoreDeps,
  caller: OrderCaller,
  orderId: string,
): Promise<InvoiceView[]> {
  const { order } = await findOrderFor(deps.db, caller, orderId);
  const rows = await deps.db
    .selectFrom('invoices')
    .selectAll()
    .where('order_id', '=', order.id)
    .orderBy('issued_at')
    .orderBy('sequence')
    .execute();
  return rows.map(toInvoiceView);
}

/**
 * One invoice or credit note as issued, for its PDF: reachable by whoever may reach its order
 * (the order's token counts), 404 for anyone else and for an unknown id alike.
 */
export async function loadInvoiceDocument(
  deps: CoreDeps,
  caller: OrderCaller,
  invoiceId: string,
): Promise<InvoiceDocument> {
  const row = await deps.db
    .selectFrom('invoices')
    .select(['order_id', 'document'])
    .where('id', '=', invoiceId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('Invoice');
  await findOrderFor(deps.db, caller, row.order_id).catch((error: unknown) => {
    throw error instanceof NotFoundError ? new NotFoundError('Invoice') : error;
  });
  return JSON.parse(row.document) as InvoiceDocument;
}
