import type { OrganizerInvoice } from '@eventhub/client';
import { formatDocumentMoney, formatIssuedOn, INVOICE_KIND_LABELS } from './invoice-format';
import { InvoicePdfLink } from './invoice-pdf-link';
import { OrderReferenceLink } from '@/features/orders/order-cells';

/** One invoice or credit note of the organizer's list: who, which order, and its sums. */
export function OrganizerInvoiceRow({ invoice }: { invoice: OrganizerInvoice }) {
  const money = (amount: number) => formatDocumentMoney(amount, invoice.currency);
  const { buyer } = invoice;
  return (
    <tr data-testid={`organizer-invoice-${invoice.number}`}>
      <td data-label="Number">
        <code>{invoice.number}</code>
      </td>
      <td data-label="Kind">
        <span className={`badge badge-invoice-${invoice.kind}`}>{INVOICE_KIND_LABELS[invoice.kind]}</span>
      </td>
      <td data-label="Issued">
        <time dateTime={invoice.issuedAt}>{formatIssuedOn(invoice.issuedAt)}</time>
      </td>
      <td data-label="Order">
        <OrderReferenceLink order={{ id: invoice.orderId, reference: invoice.orderReference }} />
        <small className="order-line-unit">{invoice.eventName}</small>
      </td>
      <td data-label="Buyer">
        {buyer.company ?? buyer.name}
        {buyer.company ? <small className="order-line-unit">{buyer.name}</small> : null}
        {buyer.vatId ? <small className="order-line-unit">VAT id {buyer.vatId}</small> : null}
      </td>
      <td data-label="Net" className="money">
        {money(invoice.net)}
      </td>
      <td data-label="Tax" className="money">
        {money(invoice.tax)}
      </td>
      <td data-label="Gross" className="money">
        {money(invoice.gross)}
      </td>
      <td data-label="PDF">
        <InvoicePdfLink invoice={invoice} />
      </td>
    </tr>
  );
}
