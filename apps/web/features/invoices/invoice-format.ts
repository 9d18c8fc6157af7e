import type { InvoiceKind } from '@eventhub/client';
import { DISPLAY_LOCALE, formatMoney } from '../../lib/event-format';

export const INVOICE_KIND_LABELS: Record<InvoiceKind, string> = {
  invoice: 'Invoice',
  credit_note: 'Credit note',
};

/** The name a downloaded document is saved under: its number, as the API names it too. */
export function invoiceFilename(invoice: { number: string }): string {
  return `${invoice.number.replace(/[^\w.-]/g, '_')}.pdf`;
}

/** When a document was issued: a calendar day of the reader's zone ("Jun 14, 2026"). */
export function formatIssuedOn(iso: string): string {
  return new Intl.DateTimeFormat(DISPLAY_LOCALE, { dateStyle: 'medium' }).format(new Date(iso));
}

/** An amount of a document, a credit note's negative with a true minus sign ("−€119.00"). */
export function formatDocumentMoney(amount: number, currency: string): string {
  return amount < 0 ? `−${formatMoney(-amount, currency)}` : formatMoney(amount, currency);
}
