import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { InvoiceView } from '@eventhub/core';
import { makePublishedEvent, type EventBody, type SignedIn } from './factories';
import { bearer, json, type TestEnv } from './test-env';

/** Valid-looking VAT ids (they pass jsvat's check digits) and one that fails them. */
export const VAT = { DE: 'DE136695976', DE2: 'DE811569869', AT: 'ATU13585627', BAD_DE: 'DE123456789' };

/** An invoice or credit note as the API answers it (amounts in major units). */
export type Invoice = InvoiceView;

export interface Billing {
  name: string;
  company?: string | null;
  address: { line1: string; postalCode: string; city: string; country: string };
  vatId?: string | null;
}

export function address(country: string) {
  return { line1: 'Hauptstraße 1', postalCode: '10115', city: 'Berlin', country };
}

/** Billing details from `country`, with a VAT id when given. */
export function billing(country: string, vatId: string | null = null): Billing {
  return { name: 'Bea Buyer', company: vatId ? 'Buyer GmbH' : null, address: address(country), vatId };
}

export function putProfile(env: TestEnv, organizer: SignedIn, body: Record<string, unknown>) {
  return env.app.inject({
    method: 'PUT',
    url: '/api/organizer/profile',
    headers: bearer(organizer.accessToken),
    payload: body,
  });
}

/** Saves the organizer's business profile (German, with a VAT id, unless overridden). */
export async function saveProfile(
  env: TestEnv,
  organizer: SignedIn,
  overrides: Record<string, unknown> = {},
): Promise<void> {
  const res = await putProfile(env, organizer, {
    legalName: 'Kesselhaus Events GmbH',
    address: address('DE'),
    vatId: VAT.DE,
    invoicePrefix: 'KH',
    ...overrides,
  });
  if (res.statusCode !== 200) throw new Error(`profile failed: ${res.statusCode} ${res.body}`);
}

/**
 * A published EUR event that invoices ('optional' unless overridden): "Standard" at 49.99 and
 * 19 %, "Book" at 10.70 and 7 %, and a 10 % promo code TENOFF. The organizer needs a profile.
 */
export function invoicingEvent(
  env: TestEnv,
  organizer: SignedIn,
  overrides: Record<string, unknown> = {},
  daysAhead = 30,
): Promise<EventBody> {
  return makePublishedEvent(
    env,
    organizer,
    {
      name: 'Tax Summit',
      currency: 'EUR',
      capacity: 1000,
      invoicing: 'optional',
      ticketTypes: [
        { name: 'Standard', price: 49.99, limit: 800, taxRate: 19 },
        { name: 'Book', price: 10.7, limit: 200, taxRate: 7 },
      ],
      promotions: [{ code: 'TENOFF', kind: 'percent', value: 10 }],
      ...overrides,
    },
    daysAhead,
  );
}

/**
 * The mixed-rate order the invoicing suites reason about: 3 Standard and 2 Book with TENOFF, so
 * 134.97 holding 21.55 tax at 19 % and 19.26 holding 1.26 at 7 % (154.23 in all).
 */
export function mixedRateItems(event: EventBody) {
  return {
    eventId: event.id,
    items: [
      { ticketTypeId: event.ticketTypes[0]!.id, quantity: 3 },
      { ticketTypeId: event.ticketTypes[1]!.id, quantity: 2 },
    ],
    promoCode: 'TENOFF',
  };
}

/** GET /api/orders/:id/invoices with whatever headers or query the caller brings. */
export function orderInvoices(
  env: TestEnv,
  orderId: string,
  headers: Record<string, string> = {},
  query = '',
) {
  return env.app.inject({ method: 'GET', url: `/api/orders/${orderId}/invoices${query}`, headers });
}

/** The order's documents as its buyer sees them (bearer token or order token). */
export async function invoicesOf(
  env: TestEnv,
  orderId: string,
  who: { accessToken: string } | { orderToken: string },
): Promise<Invoice[]> {
  const headers = 'accessToken' in who ? bearer(who.accessToken) : { 'x-order-token': who.orderToken };
  const res = await orderInvoices(env, orderId, headers);
  if (res.statusCode !== 200) throw new Error(`invoices failed: ${res.statusCode} ${res.body}`);
  return json<Invoice[]>(res);
}

/** Major units summed in cents, so float noise cannot hide or fake a cent. */
export const cents = (values: number[]) => values.reduce((s, v) => s + Math.round(v * 100), 0);

/** Net and tax per rate over documents, in cents. */
export function centsByRate(documents: Pick<Invoice, 'taxes'>[]): Map<number, { net: number; tax: number }> {
  const byRate = new Map<number, { net: number; tax: number }>();
  for (const t of documents.flatMap((d) => d.taxes)) {
    const row = byRate.get(t.rate) ?? { net: 0, tax: 0 };
    row.net += Math.round(t.net * 100);
    row.tax += Math.round(t.tax * 100);
    byRate.set(t.rate, row);
  }
  return byRate;
}

/** The .eml files local mode wrote for `to` with a subject starting with `subject`. */
export function sentMails(env: TestEnv, to: string, subject: string): string[] {
  const dir = path.join(env.config.dataDir, 'outbox');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .map((f) => readFileSync(path.join(dir, f), 'utf8'))
    .filter((m) => m.includes(`To: ${to}`) && m.includes(`Subject: ${subject}`));
}

/** The PDF attachments of a MIME message, by file name, decoded. */
export function pdfAttachments(eml: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  for (const part of eml.split(/\n--[^\n]+\n/)) {
    if (!/Content-Type: application\/pdf/i.test(part)) continue;
    const name = /filename="?([^"\n;]+)"?/i.exec(part)?.[1];
    const body = part.split(/\n\n/).slice(1).join('\n\n').replace(/\s+/g, '');
    if (name) found.set(name, Buffer.from(body, 'base64'));
  }
  return found;
}

/** Every number the organizer was issued, sorted. */
export async function invoiceNumbersOf(env: TestEnv, organizerId: string): Promise<string[]> {
  const rows = await env.ctx.db
    .selectFrom('invoices')
    .select('number')
    .where('organizer_id', '=', organizerId)
    .execute();
  return rows.map((r) => r.number).sort();
}
