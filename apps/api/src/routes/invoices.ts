import {
  exportOrganizerInvoices,
  getOrganizerProfile,
  listOrderInvoices,
  listOrganizerInvoices,
  loadInvoiceDocument,
  saveOrganizerProfile,
} from '@eventhub/core';
import { Type } from 'typebox';
import type { AppContext } from '../context';
import { sendCsv } from '../csv-reply';
import { actorOf, orderCallerOf, requestMeta } from '../plugins/auth';
import { AnalyticsRangeQuery } from '../schemas/analytics';
import { errors, PageQuery, Paged } from '../schemas/common';
import {
  InvoiceParams,
  InvoiceSchema,
  OrganizerInvoiceSchema,
  OrganizerProfileBody,
  OrganizerProfileSchema,
} from '../schemas/invoicing';
import { ORDER_ACCESS, OrderParams, OrderTokenQuery } from '../schemas/orders';
import { renderInvoicePdf } from '../tickets/invoice-pdf';
import type { TypedApp } from '../typed-app';

const IssuedRange = Type.Object({
  from: Type.Optional({ ...AnalyticsRangeQuery.properties.from, description: 'Issued at or after' }),
  to: Type.Optional({ ...AnalyticsRangeQuery.properties.to, description: 'Issued before' }),
});

/** The organizer's business profile, the invoices and credit notes of orders, and their PDFs. */
export async function invoiceRoutes(app: TypedApp, { ctx }: { ctx: AppContext }) {
  app.get(
    '/api/organizer/profile',
    {
      config: { auth: ['organizer'] },
      schema: {
        tags: ['organizer'],
        summary: 'Your business profile: the seller on your invoices (404 until first saved)',
        response: { 200: OrganizerProfileSchema, ...errors(401, 403, 404) },
      },
    },
    async (request) => getOrganizerProfile(ctx, actorOf(request)),
  );

  app.put(
    '/api/organizer/profile',
    {
      config: { auth: ['organizer'] },
      schema: {
        tags: ['organizer'],
        summary: 'Save your business profile; invoices already issued keep the details they had',
        body: OrganizerProfileBody,
        response: { 200: OrganizerProfileSchema, ...errors(400, 401, 403) },
      },
    },
    async (request) => saveOrganizerProfile(ctx, actorOf(request), request.body, requestMeta(request)),
  );

  app.get(
    '/api/orders/:id/invoices',
    {
      config: { auth: 'optional' },
      schema: {
        tags: ['orders'],
        summary: "The order's invoice and credit notes, oldest first",
        description: ORDER_ACCESS,
        params: OrderParams,
        querystring: OrderTokenQuery,
        response: { 200: Type.Array(InvoiceSchema), ...errors(401, 404) },
      },
    },
    async (request) => listOrderInvoices(ctx, orderCallerOf(request), request.params.id),
  );

  app.get(
    '/api/invoices/:id.pdf',
    {
      config: { auth: 'optional' },
      schema: {
        tags: ['orders'],
        summary: 'An invoice or credit note as a PDF',
        description: ORDER_ACCESS,
        params: InvoiceParams,
        querystring: OrderTokenQuery,
        response: { 200: Type.Unknown({ description: 'application/pdf' }), ...errors(401, 404) },
      },
    },
    async (request, reply) => {
      const document = await loadInvoiceDocument(ctx, orderCallerOf(request), request.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${document.number}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(await renderInvoicePdf(document));
    },
  );

  app.get(
    '/api/organizer/invoices',
    {
      config: { auth: ['organizer'] },
      schema: {
        tags: ['organizer'],
        summary: 'Your invoices and credit notes, newest first',
        querystring: Type.Object({ ...IssuedRange.properties, ...PageQuery }),
        response: { 200: Paged(OrganizerInvoiceSchema), ...errors(400, 401, 403) },
      },
    },
    async (request) => listOrganizerInvoices(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/organizer/invoices.csv',
    {
      config: { auth: ['organizer'] },
      schema: {
        tags: ['organizer'],
        summary: 'Your invoices and credit notes as CSV, oldest first, with net and tax per rate',
        querystring: IssuedRange,
        response: { 200: Type.Unknown({ description: 'text/csv' }), ...errors(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const csv = await exportOrganizerInvoices(ctx, actorOf(request), request.query);
      return sendCsv(reply, csv.filename, csv.lines);
    },
  );
}
