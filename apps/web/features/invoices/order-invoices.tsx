'use client';

import type { Order } from '@eventhub/client';
import { formatDocumentMoney, formatIssuedOn, INVOICE_KIND_LABELS } from './invoice-format';
import { InvoicePdfLink } from './invoice-pdf-link';
import { FormAlert } from '@/components/form-alert';
import { ListTable } from '@/components/list-table';
import { useOrderAccess } from '@/features/orders/order-access';
import { useApiData } from '@/lib/use-api-data';

/**
 * The order's invoice and credit notes with their PDFs, for whoever may see the order. Nothing
 * while there are none (unpaid, or an event that does not invoice). Loaded again whenever the
 * order changes state or refunds, which is when a document is issued.
 */
export function OrderInvoices({ order }: { order: Pick<Order, 'id' | 'status' | 'refunded'> }) {
  const { call } = useOrderAccess();
  const invoices = useApiData(
    (client) => client.invoices.ofOrder(order.id),
    `${order.id}:${order.status}:${order.refunded}`,
    call,
  );
  const items = invoices.data ?? [];
  if (items.length === 0 && !invoices.error) return null;
  return (
    <section aria-labelledby="invoices-heading">
      <h2 id="invoices-heading">Invoices</h2>
      <FormAlert message={invoices.error} />
      {items.length > 0 ? (
        <ListTable label="Invoices" busy={invoices.loading} stacked>
          <thead>
            <tr>
              <th scope="col">Document</th>
              <th scope="col">Number</th>
              <th scope="col">Issued</th>
              <th scope="col">Amount</th>
              <th scope="col">Download</th>
            </tr>
          </thead>
          <tbody>
            {items.map((invoice) => (
              <tr key={invoice.id} data-testid={`invoice-${invoice.kind}`}>
                <td data-label="Document">{INVOICE_KIND_LABELS[invoice.kind]}</td>
                <td data-label="Number">
                  <code>{invoice.number}</code>
                </td>
                <td data-label="Issued">
                  <time dateTime={invoice.issuedAt}>{formatIssuedOn(invoice.issuedAt)}</time>
                </td>
                <td data-label="Amount" className="money">
                  {formatDocumentMoney(invoice.gross, invoice.currency)}
                  {invoice.tax !== 0 ? (
                    <small className="order-line-unit">
                      incl. {formatDocumentMoney(invoice.tax, invoice.currency)} VAT
                    </small>
                  ) : null}
                </td>
                <td data-label="Download">
                  <InvoicePdfLink invoice={invoice} />
                </td>
              </tr>
            ))}
          </tbody>
        </ListTable>
      ) : null}
    </section>
  );
}
