import type { Client } from 'openapi-fetch';
import type { paths } from './generated/schema';
import type { Invoice, InvoiceRange, OrganizerInvoicesQuery, OrganizerProfileInput } from './types';
import { unwrap } from './unwrap';

/**
 * `api.invoices.*`: an order's invoice and credit notes, and one of them as a PDF. Reached as
 * the buyer, the event's organizer, an admin, or with the order's token (`X-Order-Token`).
 */
export function invoicesApi(client: Client<paths>) {
  return {
    /** The order's invoice and credit notes, oldest first; empty while unpaid or when the event does not invoice. */
    ofOrder: (orderId: string) =>
      unwrap(client.GET('/api/orders/{id}/invoices', { params: { path: { id: orderId } } })),
    /** The document as a PDF (`application/pdf`), fetched with the caller's credentials. */
    pdf: (invoiceId: string) =>
      unwrap(client.GET('/api/invoices/{id}.pdf', { params: { path: { id: invoiceId } }, parseAs: 'blob' })),
  };
}

/** `api.organizer.profile.*`: the seller named on the organizer's invoices. */
export function organizerProfileApi(client: Client<paths>) {
  return {
    /** 404 (`not_found`) until first saved. */
    get: () => unwrap(client.GET('/api/organizer/profile')),
    /** Invoices already issued keep the details they were issued with. */
    save: (body: OrganizerProfileInput) => unwrap(client.PUT('/api/organizer/profile', { body })),
  };
}

/** `api.organizer.invoices.*`: the organizer's invoices and credit notes, newest first, and as CSV. */
export function organizerInvoicesApi(client: Client<paths>) {
  return {
    /** `from` (inclusive) and `to` (exclusive) bound the time of issue. */
    list: (query: OrganizerInvoicesQuery = {}) =>
      unwrap(client.GET('/api/organizer/invoices', { params: { query } })),
    /** The same range as CSV, oldest first, with net and tax per rate (it needs the access token). */
    csv: (range: InvoiceRange = {}) =>
      unwrap(client.GET('/api/organizer/invoices.csv', { params: { query: range }, parseAs: 'blob' })),
  };
}

/**
 * An invoice's PDF as a plain link, for whoever holds the order's token: a link cannot send the
 * `X-Order-Token` header, so the token goes in `?token=` (as in the mailed links). Without a
 * token the link needs a session cookie the API does not use: fetch `api.invoices.pdf` instead.
 */
export function invoicePdfHref(invoice: Pick<Invoice, 'pdfUrl'>, orderToken: string): string {
  const separator = invoice.pdfUrl.includes('?') ? '&' : '?';
  return `${invoice.pdfUrl}${separator}token=${encodeURIComponent(orderToken)}`;
}

/** Where the organizer's invoices CSV of a range lives (it needs the access token: see `csv`). */
export function organizerInvoicesCsvPath(range: InvoiceRange = {}): string {
  const query = new URLSearchParams(
    Object.entries(range).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  ).toString();
  return `/api/organizer/invoices.csv${query ? `?${query}` : ''}`;
}
