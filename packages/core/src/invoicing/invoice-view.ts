import type { DbOrTx } from '../db/database';
import type { InvoiceKind, InvoiceRow } from '../db/schema';
import { toMajorUnits } from '../shared/money';
import type { InvoiceDocument } from './invoice-document';

/** An invoice or credit note as the API lists it; amounts in major units, negative on a credit note. */
export interface InvoiceView {
  id: string;
  number: string;
  kind: InvoiceKind;
  issuedAt: string;
  currency: string;
  net: number;
  tax: number;
  gross: number;
  /** Net and tax per rate (percent). */
  taxes: { rate: number; net: number; tax: number }[];
  orderId: string;
  /** A credit note: the invoice it corrects. */
  correctsInvoiceId: string | null;
  /** The PDF; a guest adds `?token=` with the order token. */
  pdfUrl: string;
}

export function toInvoiceView(row: InvoiceRow): InvoiceView {
  const document = JSON.parse(row.document) as InvoiceDocument;
  const money = (minor: number) => toMajorUnits(minor, row.currency);
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    issuedAt: row.issued_at,
    currency: row.currency,
    net: money(row.net),
    tax: money(row.tax),
    gross: money(row.gross),
    taxes: document.taxes.map((t) => ({ rate: t.rate, net: money(t.net), tax: money(t.tax) })),
    orderId: row.order_id,
    correctsInvoiceId: row.corrects_id,
    pdfUrl: `/api/invoices/${row.id}.pdf`,
  };
}

/** Documents by id as issued, for attaching to mail (the outbox names them; no caller to check). */
export async function loadInvoiceDocuments(db: DbOrTx, ids: readonly string[]): Promise<InvoiceDocument[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('invoices')
    .select('document')
    .where('id', 'in', ids)
    .orderBy('sequence')
    .execute();
  return rows.map((r) => JSON.parse(r.document) as InvoiceDocument);
}
