import { csvLine, type CsvValue } from '../analytics/csv';
import { after, keysetPages, type CsvExport } from '../analytics/keyset-pages';
import { salesRange, type SalesRangeInput } from '../analytics/sales-range';
import type { Db } from '../db/database';
import type { InvoiceRow } from '../db/schema';
import { requireRole, type Actor } from '../shared/actor';
import type { CoreDeps } from '../shared/core-deps';
import { toMajorUnits } from '../shared/money';
import { fetchPage, type Page, type PageQuery } from '../shared/pagination';
import type { InvoiceDocument } from './invoice-document';
import { toInvoiceView, type InvoiceView } from './invoice-view';

/** An invoice in the organizer's list: the document's own fields plus whom and what it was for. */
export interface OrganizerInvoiceView extends InvoiceView {
  orderReference: string;
  eventId: string;
  eventName: string;
  buyer: { name: string; company: string | null; vatId: string | null; country: string | null };
}

export type InvoiceListQuery = SalesRangeInput & PageQuery;

function toOrganizerView(row: InvoiceRow): OrganizerInvoiceView {
  const document = JSON.parse(row.document) as InvoiceDocument;
  return {
    ...toInvoiceView(row),
    orderReference: document.orderReference,
    eventId: row.event_id,
    eventName: document.event.name,
    buyer: {
      name: document.buyer.name,
      company: document.buyer.company,
      vatId: document.buyer.vatId,
      country: document.buyer.address?.country ?? null,
    },
  };
}

/** The calling organizer's invoices and credit notes issued in [from, to), by issue time. */
function issuedBy(db: Db, actor: Actor, query: SalesRangeInput) {
  requireRole(actor, ['organizer']);
  const range = salesRange(query);
  return db
    .selectFrom('invoices')
    .where('organizer_id', '=', actor.userId)
    .$if(range.from !== null, (qb) => qb.where('issued_at', '>=', range.from!))
    .$if(range.to !== null, (qb) => qb.where('issued_at', '<', range.to!));
}

/** The organizer's invoices and credit notes, newest first, a page at a time. */
export async function listOrganizerInvoices(
  deps: CoreDeps,
  actor: Actor,
  query: InvoiceListQuery,
): Promise<Page<OrganizerInvoiceView>> {
  const page = await fetchPage(issuedBy(deps.db, actor, query), query, (qb) =>
    qb.selectAll().orderBy('issued_at', 'desc').orderBy('year', 'desc').orderBy('sequence', 'desc'),
  );
  return { ...page, items: page.items.map(toOrganizerView) };
}

/**
 * The same documents as CSV for the accountant, oldest first: one line per document with its
 * totals, then one column pair (net, tax) per tax rate that occurs in the file's documents.
 */
export async function exportOrganizerInvoices(
  deps: CoreDeps,
  actor: Actor,
  query: SalesRangeInput,
  pageSize = 1000,
): Promise<CsvExport> {
  const base = issuedBy(deps.db, actor, query);
  const rates = (await base.select('document').execute())
    .flatMap((r) => (JSON.parse(r.document) as InvoiceDocument).taxes.map((t) => t.rate))
    .filter((rate, i, all) => all.indexOf(rate) === i)
    .sort((a, b) => a - b);
  async function* lines() {
    yield csvLine([
      'number',
      'kind',
      'issued_at',
      'corrects',
      'order_reference',
      'event',
      'buyer_name',
      'buyer_company',
      'buyer_vat_id',
      'buyer_country',
      'reverse_charge',
      'currency',
      'net',
      'tax',
      'gross',
      ...rates.flatMap((rate) => [`net_${rate}%`, `tax_${rate}%`]),
    ]);
    for await (const row of keysetPages(
      (cursor: InvoiceRow | null) =>
        base
          .selectAll()
          .$if(cursor !== null, (qb) => qb.where(after('issued_at', 'id', cursor!.issued_at, cursor!.id)))
          .orderBy('issued_at')
          .orderBy('id')
          .limit(pageSize)
          .execute(),
      pageSize,
    )) {
      const doc = JSON.parse(row.document) as InvoiceDocument;
      const money = (minor: number) => toMajorUnits(minor, row.currency);
      yield csvLine([
        row.number,
        row.kind,
        row.issued_at,
        doc.refersTo?.number ?? '',
        doc.orderReference,
        doc.event.name,
        doc.buyer.name,
        doc.buyer.company,
        doc.buyer.vatId,
        doc.buyer.address?.country,
        doc.reverseCharge ? 'yes' : 'no',
        row.currency,
        money(row.net),
        money(row.tax),
        money(row.gross),
        ...rates.flatMap((rate): CsvValue[] => {
          const t = doc.taxes.find((x) => x.rate === rate);
          return t ? [money(t.net), money(t.tax)] : ['', ''];
        }),
      ]);
    }
  }
  return { filename: 'invoices.csv', lines: lines() };
}
