import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import {
  buyTickets,
  makePublishedEvent,
  order,
  signInAdmin,
  signUp,
  type EventBody,
  type SignedIn,
} from './support/factories';
import { guestPaidOrder, mailsTo } from './support/guests';
import {
  billing,
  invoicesOf,
  invoicingEvent,
  orderInvoices,
  pdfAttachments,
  putProfile,
  saveProfile,
  sentMails,
  VAT,
  type Invoice,
} from './support/invoices';
import { fieldsOf } from './support/questions';
import { bearer, describeEachEngine, json } from './support/test-env';

// Issue 18: the business profile, taxes at checkout (per line, inclusive and exclusive prices,
// EU reverse charge), the invoice a payment issues, who may read it, and that it cannot change.

interface TaxedOrder {
  id: string;
  subtotal: number;
  discount: number;
  total: number;
  tax: number;
  reverseCharge: boolean;
  billing: unknown;
  items: { unitPrice: number; total: number; taxRate: number; tax: number }[];
}
const taxRates = (event: EventBody) => event.ticketTypes.map((t) => (t as { taxRate?: number }).taxRate);

describeEachEngine(
  'invoices and taxes',
  (env) => {
    let organizer: SignedIn;
    let buyer: SignedIn;
    let event: EventBody;
    const tiers = () => ({ standard: event.ticketTypes[0]!.id, book: event.ticketTypes[1]!.id });
    const buy = (e: EventBody, extra: Record<string, unknown>, quantity = 1) =>
      order(env(), buyer, {
        eventId: e.id,
        items: [{ ticketTypeId: e.ticketTypes[0]!.id, quantity }],
        ...extra,
      });

    beforeAll(async () => {
      organizer = await signUp(env(), { role: 'organizer' });
      buyer = await signUp(env(), { name: 'Bea Buyer' });
    });

    it('keeps a business profile: 404 before the first save, VAT id, country and prefix checked', async () => {
      const get = () =>
        env().app.inject({
          method: 'GET',
          url: '/api/organizer/profile',
          headers: bearer(organizer.accessToken),
        });
      expect((await get()).statusCode).toBe(404);
      // Invoicing cannot be turned on without the seller's details.
      const early = await env().app.inject({
        method: 'POST',
        url: '/api/events',
        headers: bearer(organizer.accessToken),
        payload: {
          name: 'Too early',
          invoicing: 'optional',
          ticketTypes: [{ name: 'A', price: 10, limit: 5 }],
        },
      });
      expect(early.statusCode).toBe(409);
      expect(json(early).code).toBe('profile_required');
      const draft = await makePublishedEvent(env(), organizer);
      const patch = await env().app.inject({
        method: 'PATCH',
        url: `/api/events/${draft.id}`,
        headers: bearer(organizer.accessToken),
        payload: { invoicing: 'required' },
      });
      expect(patch.statusCode).toBe(409);
      expect(json(patch).code).toBe('profile_required');

      const base = { legalName: 'Kesselhaus Events GmbH', address: billing('DE').address };
      const refused: [Record<string, unknown>, string][] = [
        [{ vatId: VAT.BAD_DE }, 'vatId'],
        [{ vatId: VAT.AT }, 'vatId'], // a valid Austrian id, but the address is German
        [{ address: { ...base.address, country: 'XX' } }, 'address.country'],
        [{ invoicePrefix: 'KH-1' }, 'invoicePrefix'],
        [{ invoicePrefix: 'ABCDEFGHIJK' }, 'invoicePrefix'],
        [{ legalName: '  ' }, 'legalName'],
      ];
      for (const [change, field] of refused) {
        const res = await putProfile(env(), organizer, { ...base, ...change });
        expect(res.statusCode, field).toBe(400);
        expect(json(res).code).toBe('validation_failed');
        expect(fieldsOf(res).join(' '), JSON.stringify(change)).toContain(field);
      }
      expect((await get()).statusCode).toBe(404);
      const customer = await putProfile(env(), buyer, base);
      expect(customer.statusCode).toBe(403);

      const saved = await putProfile(env(), organizer, {
        ...base,
        vatId: 'de 136.695.976',
        invoicePrefix: 'kh',
      });
      expect(saved.statusCode).toBe(200);
      expect(json(await get())).toMatchObject({
        legalName: 'Kesselhaus Events GmbH',
        address: { country: 'DE', city: 'Berlin' },
        vatId: VAT.DE,
        invoicePrefix: 'KH',
      });
      const defaulted = await putProfile(env(), organizer, base);
      expect(json(defaulted)).toMatchObject({ invoicePrefix: 'INV', vatId: null });
      await saveProfile(env(), organizer);
      event = await invoicingEvent(env(), organizer);
      expect(event).toMatchObject({ invoicing: 'optional', pricesIncludeTax: true });
      expect(taxRates(event)).toEqual([19, 7]);
    });

    it('taxes each line at checkout, after its discount, with prices including tax', async () => {
      const res = await order(env(), buyer, {
        eventId: event.id,
        items: [
          { ticketTypeId: tiers().standard, quantity: 3 },
          { ticketTypeId: tiers().book, quantity: 2 },
        ],
        promoCode: 'TENOFF',
        billing: billing('DE'),
      });
      expect(res.statusCode).toBe(201);
      const placed = json<TaxedOrder>(res);
      // 3 × 49.99 − 15.00 = 134.97 holding 21.55 tax at 19 %; 2 × 10.70 − 2.14 = 19.26 holding 1.26 at 7 %.
      expect(placed).toMatchObject({ subtotal: 171.37, discount: 17.14, total: 154.23, tax: 22.81 });
      expect(placed.reverseCharge).toBe(false);
      expect(placed.items.map(({ taxRate, total, tax }) => ({ taxRate, total, tax }))).toEqual([
        { taxRate: 19, total: 134.97, tax: 21.55 },
        { taxRate: 7, total: 19.26, tax: 1.26 },
      ]);
      const paid = await env().app.inject({
        method: 'POST',
        url: `/api/orders/${placed.id}/pay`,
        headers: bearer(buyer.accessToken),
        payload: { outcome: 'succeeded' },
      });
      expect(paid.statusCode).toBe(200);

      const [invoice, ...more] = await invoicesOf(env(), placed.id, buyer);
      expect(more).toEqual([]);
      expect(invoice).toMatchObject({
        kind: 'invoice',
        currency: 'EUR',
        net: 131.42,
        tax: 22.81,
        gross: 154.23,
        correctsInvoiceId: null,
        pdfUrl: `/api/invoices/${invoice!.id}.pdf`,
      });
      expect(invoice!.number).toMatch(/^KH-\d{4}-00001$/);
      expect(invoice!.taxes).toEqual([
        { rate: 7, net: 18, tax: 1.26 },
        { rate: 19, net: 113.42, tax: 21.55 },
      ]);
      expect(Math.round(invoice!.net * 100) + Math.round(invoice!.tax * 100)).toBe(15423);

      // The confirmation mail carries the invoice as a PDF named by its number.
      const [queued] = (await mailsTo(env(), buyer.user.email)).filter((m) =>
        m.subject.startsWith('Your tickets'),
      );
      expect((queued as unknown as { attachInvoices: string[] }).attachInvoices).toEqual([invoice!.id]);
      await env().app.background.runOnce();
      const [eml] = sentMails(env(), buyer.user.email, 'Your tickets for Tax Summit');
      const pdf = pdfAttachments(eml!).get(`${invoice!.number}.pdf`);
      expect(pdf?.subarray(0, 5).toString()).toBe('%PDF-');
    });

    it('takes tax rates of 0–100 % with two decimals, and adds tax on top of prices entered without it', async () => {
      for (const taxRate of [7.555, 101, -1]) {
        const res = await env().app.inject({
          method: 'POST',
          url: '/api/events',
          headers: bearer(organizer.accessToken),
          payload: { name: 'Odd rate', ticketTypes: [{ name: 'A', price: 10, limit: 5, taxRate }] },
        });
        expect(res.statusCode, String(taxRate)).toBe(400);
        expect(fieldsOf(res).join(' ')).toContain('taxRate');
      }
      const half = await invoicingEvent(env(), organizer, {
        ticketTypes: [{ name: 'Half', price: 10, limit: 5, taxRate: 7.5 }],
      });
      expect(taxRates(half)).toEqual([7.5]);
      // 10.00 holds 10 − 10 / 1.075 = 0.6977 → 0.70 of tax.
      expect(json<TaxedOrder>(await buy(half, {}, 1))).toMatchObject({ total: 10, tax: 0.7 });
      const net = await invoicingEvent(env(), organizer, { pricesIncludeTax: false });
      const res = await order(env(), buyer, {
        eventId: net.id,
        items: [
          { ticketTypeId: net.ticketTypes[0]!.id, quantity: 1 },
          { ticketTypeId: net.ticketTypes[1]!.id, quantity: 1 },
        ],
      });
      const placed = json<TaxedOrder>(res);
      // 49.99 + 9.50 (19 %, 9.4981 rounded) and 10.70 + 0.75 (7 %, 0.749 rounded).
      expect(placed).toMatchObject({ subtotal: 70.94, discount: 0, total: 70.94, tax: 10.25 });
      expect(placed.items.map(({ unitPrice, total, tax }) => ({ unitPrice, total, tax }))).toEqual([
        { unitPrice: 49.99, total: 59.49, tax: 9.5 },
        { unitPrice: 10.7, total: 11.45, tax: 0.75 },
      ]);
    });

    it("asks for billing details when invoicing is 'required', and issues nothing when it is 'off'", async () => {
      const required = await invoicingEvent(env(), organizer, { invoicing: 'required' });
      const missing = await buy(required, {});
      expect(missing.statusCode).toBe(400);
      expect(fieldsOf(missing)).toEqual(['billing']);
      const badVat = await buy(required, { billing: billing('DE', VAT.BAD_DE) });
      expect(fieldsOf(badVat)).toEqual(['billing.vatId']);
      expect((await buy(required, { billing: billing('DE') })).statusCode).toBe(201);

      const off = await invoicingEvent(env(), organizer, { invoicing: 'off' });
      const paid = await buyTickets(env(), buyer, {
        eventId: off.id,
        items: [{ ticketTypeId: off.ticketTypes[0]!.id, quantity: 1 }],
        billing: billing('DE'),
      });
      expect((paid as unknown as TaxedOrder).billing).toBeNull();
      // Taxes are still shown; only the invoice is not issued.
      expect((paid as unknown as TaxedOrder).tax).toBe(7.98);
      expect(await invoicesOf(env(), paid.id, buyer)).toEqual([]);
    });

    it('charges no VAT only when seller and buyer both have VAT ids in different EU countries', async () => {
      const taxOf = async (e: EventBody, b: ReturnType<typeof billing>) => {
        const res = await buy(e, { billing: b });
        expect(res.statusCode, JSON.stringify(b)).toBe(201);
        const placed = json<TaxedOrder>(res);
        return { total: placed.total, tax: placed.tax, reverseCharge: placed.reverseCharge };
      };
      const charged = { total: 49.99, tax: 7.98, reverseCharge: false };
      // Each case in a fresh event: the buyer's hold limit is per event.
      const fresh = () => invoicingEvent(env(), organizer);
      // The organizer is German with a VAT id.
      expect(await taxOf(await fresh(), billing('AT', VAT.AT))).toEqual({
        total: 42.01, // the price less the 19 % it contains
        tax: 0,
        reverseCharge: true,
      });
      expect(await taxOf(await fresh(), billing('DE', VAT.DE2))).toEqual(charged); // same country
      expect(await taxOf(await fresh(), billing('AT'))).toEqual(charged); // no buyer VAT id
      expect(await taxOf(await fresh(), billing('CH', 'CHE123456789'))).toEqual(charged); // not in the EU
      const plain = await signUp(env(), { role: 'organizer' });
      await saveProfile(env(), plain, { address: billing('AT').address, vatId: null });
      const noSellerId = await invoicingEvent(env(), plain);
      expect(await taxOf(noSellerId, billing('DE', VAT.DE))).toEqual(charged); // seller without VAT id

      // Its invoice: no tax, one row at 0 %.
      const e = await fresh();
      const rc = await buyTickets(env(), buyer, {
        eventId: e.id,
        items: [{ ticketTypeId: e.ticketTypes[0]!.id, quantity: 1 }],
        billing: billing('AT', VAT.AT),
      });
      const [invoice] = await invoicesOf(env(), rc.id, buyer);
      expect(invoice).toMatchObject({
        net: 42.01,
        tax: 0,
        gross: 42.01,
        taxes: [{ rate: 0, net: 42.01, tax: 0 }],
      });
    });

    it('shows the invoices to the buyer, the token holder, the event owner and admins; 404 to anyone else', async () => {
      const guest = await guestPaidOrder(env(), {
        eventId: event.id,
        items: [{ ticketTypeId: tiers().standard, quantity: 1 }],
        billing: billing('DE'),
      });
      const mine = await buyTickets(env(), buyer, {
        eventId: event.id,
        items: [{ ticketTypeId: tiers().book, quantity: 1 }],
      });
      const admin = await signInAdmin(env());
      const stranger = await signUp(env());
      const rival = await signUp(env(), { role: 'organizer' });
      const ok: [string, string, Record<string, string>][] = [
        ['buyer', mine.id, bearer(buyer.accessToken)],
        ['guest token', guest.id, { 'x-order-token': guest.orderToken }],
        ['event owner', guest.id, bearer(organizer.accessToken)],
        ['admin', mine.id, bearer(admin.accessToken)],
      ];
      for (const [who, orderId, headers] of ok) {
        const res = await orderInvoices(env(), orderId, headers);
        expect(res.statusCode, who).toBe(200);
        expect(
          json<Invoice[]>(res).map((i) => i.orderId),
          who,
        ).toEqual([orderId]);
      }
      expect((await orderInvoices(env(), guest.id, {}, `?token=${guest.orderToken}`)).statusCode).toBe(200);
      const denied: [string, string, Record<string, string>][] = [
        ['other customer', mine.id, bearer(stranger.accessToken)],
        ['other organizer', guest.id, bearer(rival.accessToken)],
        ['wrong token', guest.id, { 'x-order-token': `${guest.orderToken.slice(0, -2)}xx` }],
        ['no one', guest.id, {}],
      ];
      for (const [who, orderId, headers] of denied) {
        const res = await orderInvoices(env(), orderId, headers);
        expect(res.statusCode, who).toBe(404);
      }
    });

    it('refuses to change or delete an issued invoice, in the database itself', async () => {
      const row = await env()
        .ctx.db.selectFrom('invoices')
        .selectAll()
        .where('organizer_id', '=', organizer.user.id)
        .executeTakeFirstOrThrow();
      const db = env().ctx.db;
      await expect(
        db.updateTable('invoices').set({ gross: 0 }).where('id', '=', row.id).execute(),
      ).rejects.toThrow(/cannot be changed/);
      await expect(
        db.updateTable('invoices').set({ number: 'KH-1999-00001' }).where('id', '=', row.id).execute(),
      ).rejects.toThrow(/cannot be changed/);
      await expect(db.deleteFrom('invoices').where('id', '=', row.id).execute()).rejects.toThrow(
        /cannot be changed/,
      );
      await expect(sql`DELETE FROM invoices`.execute(db)).rejects.toThrow(/cannot be changed/);
      expect(await db.selectFrom('invoices').selectAll().where('id', '=', row.id).executeTakeFirst()).toEqual(
        row,
      );
    });
  },
  { env: { ACCESS_TOKEN_TTL_SECONDS: '86400' } },
);
