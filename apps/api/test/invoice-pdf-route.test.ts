import { REVERSE_CHARGE_NOTE } from '@eventhub/core';
import { beforeAll, expect, it } from 'vitest';
import { buyTickets, signInAdmin, signUp, type OrderBody, type SignedIn } from './support/factories';
import { guestPaidOrder, type GuestOrder } from './support/guests';
import {
  billing,
  invoicesOf,
  invoicingEvent,
  mixedRateItems,
  saveProfile,
  VAT,
  type Invoice,
} from './support/invoices';
import { refund } from './support/order-probes';
import { pdfText } from './support/pdf-text';
import { bearer, describeEachEngine } from './support/test-env';

// Issue 18: GET /api/invoices/:id.pdf serves an invoice or credit note to whoever may reach its
// order, and the PDF read back as text shows the number, the totals and the tax per rate.

describeEachEngine(
  'invoice PDFs by route',
  (env) => {
    let organizer: SignedIn;
    let buyer: SignedIn;
    let paid: OrderBody;
    let invoice: Invoice;
    let guest: GuestOrder;
    let guestInvoice: Invoice;
    const get = (url: string, headers: Record<string, string> = {}) =>
      env().app.inject({ method: 'GET', url, headers });

    beforeAll(async () => {
      organizer = await signUp(env(), { role: 'organizer' });
      buyer = await signUp(env(), { name: 'Bea Buyer' });
      await saveProfile(env(), organizer, { invoiceFooter: 'IBAN DE02 1203 0000 0000 2020 51' });
      const event = await invoicingEvent(env(), organizer);
      paid = await buyTickets(env(), buyer, {
        ...mixedRateItems(event),
        billing: { ...billing('DE', VAT.DE2), company: 'Buyer GmbH' },
      });
      invoice = (await invoicesOf(env(), paid.id, buyer))[0]!;
      guest = await guestPaidOrder(env(), {
        eventId: event.id,
        items: [{ ticketTypeId: event.ticketTypes[0]!.id, quantity: 1 }],
        billing: billing('AT', VAT.AT),
      });
      guestInvoice = (await invoicesOf(env(), guest.id, guest))[0]!;
    });

    it('serves the buyer the invoice PDF with its number, totals and tax per rate', async () => {
      const res = await get(invoice.pdfUrl, bearer(buyer.accessToken));
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="${invoice.number}.pdf"`);
      const text = await pdfText(res.rawPayload);
      expect(text).toContain(`Invoice ${invoice.number}`);
      for (const party of ['Kesselhaus Events GmbH', `VAT ID: ${VAT.DE}`, 'Buyer GmbH', `VAT ID: ${VAT.DE2}`])
        expect(text).toContain(party);
      expect(text).toMatch(/Standard 3 49\.99 15\.00 19% 113\.42 21\.55 134\.97/);
      expect(text).toMatch(/7% 18\.00 1\.26/);
      expect(text).toMatch(/19% 113\.42 21\.55/);
      expect(text).toMatch(/Net total\s+131\.42 EUR/);
      expect(text).toMatch(/Tax total\s+22\.81 EUR/);
      expect(text).toMatch(/Total\s+154\.23 EUR/);
      expect(text).toContain('IBAN DE02 1203 0000 0000 2020 51');
      expect(text).not.toContain(REVERSE_CHARGE_NOTE);
    });

    it('serves a guest by ?token= or X-Order-Token; the reverse-charge invoice carries its note', async () => {
      for (const res of [
        await get(`${guestInvoice.pdfUrl}?token=${guest.orderToken}`),
        await get(guestInvoice.pdfUrl, { 'x-order-token': guest.orderToken }),
      ]) {
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe('application/pdf');
      }
      const text = await pdfText((await get(`${guestInvoice.pdfUrl}?token=${guest.orderToken}`)).rawPayload);
      expect(text).toContain(`Invoice ${guestInvoice.number}`);
      // 49.99 with 19 % included, charged without it: 42.01 at 0 %.
      expect(text).toMatch(/0% 42\.01 0\.00/);
      expect(text).toMatch(/Total\s+42\.01 EUR/);
      expect(text).toContain(REVERSE_CHARGE_NOTE);
    });

    it('serves the credit note of a refund, naming the invoice it corrects', async () => {
      const res = await refund(env(), organizer.accessToken, paid.id, { ticketIds: [paid.tickets![0]!.id] });
      expect(res.statusCode).toBe(201);
      const [, credit] = await invoicesOf(env(), paid.id, buyer);
      const text = await pdfText((await get(credit!.pdfUrl, bearer(buyer.accessToken))).rawPayload);
      expect(text).toContain(`Credit note ${credit!.number}`);
      expect(text).toContain(`Corrects invoice ${invoice.number}`);
      expect(text).toMatch(/19% -37\.80 -7\.19/);
      expect(text).toMatch(/Total\s+-44\.99 EUR/);
    });

    it('serves the event owner and admins; 404 to anyone else and to an unknown id', async () => {
      const admin = await signInAdmin(env());
      for (const who of [organizer, admin])
        expect((await get(invoice.pdfUrl, bearer(who.accessToken))).statusCode).toBe(200);
      const stranger = await signUp(env());
      const rival = await signUp(env(), { role: 'organizer' });
      const denied: [string, string, Record<string, string>][] = [
        ['stranger', invoice.pdfUrl, bearer(stranger.accessToken)],
        ['other organizer', invoice.pdfUrl, bearer(rival.accessToken)],
        ['nobody', invoice.pdfUrl, {}],
        ["another order's token", `${invoice.pdfUrl}?token=${guest.orderToken}`, {}],
        ['wrong token', `${guestInvoice.pdfUrl}?token=${guest.orderToken.slice(0, -2)}xx`, {}],
        ['unknown id', '/api/invoices/does-not-exist.pdf', bearer(admin.accessToken)],
      ];
      for (const [who, url, headers] of denied) {
        const res = await get(url, headers);
        expect(res.statusCode, who).toBe(404);
        expect(res.headers['content-type'], who).toMatch(/^application\/problem\+json/);
      }
    });
  },
  { env: { ACCESS_TOKEN_TTL_SECONDS: '86400' } },
);
