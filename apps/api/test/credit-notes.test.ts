import { beforeAll, expect, it } from 'vitest';
import { buyTickets, signUp, type EventBody, type OrderBody, type SignedIn } from './support/factories';
import { guestPaidOrder, mailsTo } from './support/guests';
import {
  billing,
  cents,
  centsByRate,
  invoicesOf,
  invoicingEvent,
  mixedRateItems,
  pdfAttachments,
  saveProfile,
  sentMails,
  type Invoice,
} from './support/invoices';
import { refund, viewOrder } from './support/order-probes';
import { bearer, describeEachEngine, json, type TestEnv } from './support/test-env';

// Issue 18: a refund issues a credit note for exactly the refunded tickets, so an order's
// documents add up to what was kept, per rate and to the cent; cancelling an event issues one per
// refunded order; the refund mail carries it; analytics' tax blocks agree with the documents.

/** Every document of the organizer's events, from the database (amounts in minor units). */
async function documentsOf(env: TestEnv, organizerId: string) {
  const rows = await env.ctx.db
    .selectFrom('invoices')
    .select(['event_id', 'document'])
    .where('organizer_id', '=', organizerId)
    .execute();
  return rows.map((r) => ({
    eventId: r.event_id,
    ...(JSON.parse(r.document) as { taxes: { rate: number; net: number; tax: number }[] }),
  }));
}

/** Net and tax per rate, in minor units, of documents whose amounts are minor units already. */
function minorByRate(documents: { taxes: { rate: number; net: number; tax: number }[] }[]) {
  return centsByRate(
    documents.map((d) => ({ taxes: d.taxes.map((t) => ({ ...t, net: t.net / 100, tax: t.tax / 100 })) })),
  );
}

describeEachEngine(
  'credit notes',
  (env) => {
    let organizer: SignedIn;
    let buyer: SignedIn;
    let event: EventBody;
    let paid: OrderBody;

    beforeAll(async () => {
      organizer = await signUp(env(), { role: 'organizer' });
      buyer = await signUp(env(), { name: 'Bea Buyer' });
      await saveProfile(env(), organizer);
      event = await invoicingEvent(env(), organizer);
      // 3 × 49.99 at 19 % and 2 × 10.70 at 7 %, 10 % off: 134.97 (tax 21.55) + 19.26 (tax 1.26).
      paid = await buyTickets(env(), buyer, {
        ...mixedRateItems(event),
        billing: billing('DE'),
      });
    });

    it('credits exactly the refunded ticket, then the rest: the documents net to zero per rate', async () => {
      const [first] = paid.tickets!;
      expect(first!.price).toBe(44.99); // 134.97 over three seats
      const one = await refund(env(), organizer.accessToken, paid.id, { ticketIds: [first!.id] });
      expect(one.statusCode).toBe(201);
      const [invoice, credit] = await invoicesOf(env(), paid.id, buyer);
      // The seat's share of its line: 44.99, holding 7.19 of the line's 21.55 tax (the odd cent
      // goes to the first seat, as its price's would).
      expect(credit).toMatchObject({
        kind: 'credit_note',
        correctsInvoiceId: invoice!.id,
        gross: -44.99,
        tax: -7.19,
        net: -37.8,
        taxes: [{ rate: 19, net: -37.8, tax: -7.19 }],
      });
      const seatTax = await env()
        .ctx.db.selectFrom('tickets')
        .select('tax')
        .where('id', '=', first!.id)
        .executeTakeFirstOrThrow();
      expect(-Math.round(credit!.tax * 100)).toBe(seatTax.tax);
      expect(credit!.number.replace(/\d{5}$/, '')).toBe(invoice!.number.replace(/\d{5}$/, ''));

      // The refund mail carries the credit note.
      const [mail] = (await mailsTo(env(), buyer.user.email)).filter((m) =>
        m.subject.startsWith('Your refund'),
      );
      expect((mail as unknown as { attachInvoices: string[] }).attachInvoices).toEqual([credit!.id]);
      expect(mail!.text).toContain('credit note');
      await env().app.background.runOnce();
      const [eml] = sentMails(env(), buyer.user.email, 'Your refund for Tax Summit');
      expect(pdfAttachments(eml!).get(`${credit!.number}.pdf`)?.subarray(0, 5).toString()).toBe('%PDF-');

      const rest = await refund(env(), organizer.accessToken, paid.id);
      expect(json(rest)).toMatchObject({ amount: 109.24 });
      const documents = await invoicesOf(env(), paid.id, buyer);
      expect(documents.map((d) => d.kind)).toEqual(['invoice', 'credit_note', 'credit_note']);
      expect(documents[2]).toMatchObject({
        gross: -109.24,
        taxes: [
          { rate: 7, net: -18, tax: -1.26 },
          { rate: 19, net: -75.62, tax: -14.36 },
        ],
      });
      for (const [rate, sums] of centsByRate(documents))
        expect(sums, `${rate} %`).toEqual({ net: 0, tax: 0 });
      const order = await viewOrder(env(), buyer.accessToken, paid.id);
      expect(order).toMatchObject({ status: 'refunded', refunded: 154.23 });
      expect(cents(documents.slice(1).map((d) => d.gross))).toBe(-15423);
      for (const d of documents) expect(cents([d.net, d.tax])).toBe(cents([d.gross]));
    });

    it('issues one credit note per refunded order when the event is cancelled', async () => {
      const doomed = await invoicingEvent(env(), organizer);
      const tier = (i: number) => doomed.ticketTypes[i]!.id;
      const a = await buyTickets(env(), buyer, {
        eventId: doomed.id,
        items: [
          { ticketTypeId: tier(0), quantity: 2 },
          { ticketTypeId: tier(1), quantity: 1 },
        ],
      });
      const b = await guestPaidOrder(env(), {
        eventId: doomed.id,
        items: [{ ticketTypeId: tier(0), quantity: 1 }],
        billing: billing('AT'),
      });
      const c = await buyTickets(env(), buyer, {
        eventId: doomed.id,
        items: [{ ticketTypeId: tier(1), quantity: 3 }],
      });
      // c was partly refunded before: its first credit note, then one more at the cancellation.
      await refund(env(), organizer.accessToken, c.id, { ticketIds: [c.tickets![0]!.id] });
      const cancelled = await env().app.inject({
        method: 'POST',
        url: `/api/events/${doomed.id}/cancel`,
        headers: bearer(organizer.accessToken),
      });
      expect(cancelled.statusCode).toBe(200);

      const expected: [OrderBody, number][] = [
        [a, 1],
        [b, 1],
        [c, 2],
      ];
      for (const [o, notes] of expected) {
        const documents = await invoicesOf(env(), o.id, organizer);
        expect(documents.map((d) => d.kind)).toEqual([
          'invoice',
          ...Array<string>(notes).fill('credit_note'),
        ]);
        expect(cents(documents.map((d) => d.gross)), o.id).toBe(0);
        for (const sums of centsByRate(documents).values()) expect(sums).toEqual({ net: 0, tax: 0 });
      }
      const notes = await env()
        .ctx.db.selectFrom('invoices')
        .innerJoin('refunds', 'refunds.id', 'invoices.refund_id')
        .select(['invoices.order_id', 'refunds.amount', 'invoices.gross'])
        .where('invoices.event_id', '=', doomed.id)
        .execute();
      // Each credit note documents its own refund, to the cent.
      expect(notes).toHaveLength(4);
      for (const n of notes) expect(n.gross).toBe(-n.amount);
    });

    it("puts in analytics' taxes exactly what the invoices and credit notes add up to", async () => {
      // A sale that stays, next to the refunded ones.
      const kept = await buyTickets(env(), buyer, {
        eventId: event.id,
        items: [
          { ticketTypeId: event.ticketTypes[0]!.id, quantity: 2 },
          { ticketTypeId: event.ticketTypes[1]!.id, quantity: 1 },
        ],
        billing: billing('DE'),
      });
      await refund(env(), organizer.accessToken, kept.id, { ticketIds: [kept.tickets![2]!.id] });
      const documents = await documentsOf(env(), organizer.user.id);
      const asRows = (byRate: Map<number, { net: number; tax: number }>) =>
        [...byRate]
          .filter(([, s]) => s.net !== 0 || s.tax !== 0)
          .sort(([a], [b]) => a - b)
          .map(([rate, s]) => ({ rate, net: s.net / 100, tax: s.tax / 100 }));

      const eventTaxes = async (query = '') =>
        json<{ taxes: Invoice['taxes'] }>(
          await env().app.inject({
            method: 'GET',
            url: `/api/analytics/events/${event.id}${query}`,
            headers: bearer(organizer.accessToken),
          }),
        ).taxes;
      const ofEvent = asRows(minorByRate(documents.filter((d) => d.eventId === event.id)));
      // Both orders' Book seats were refunded (7 % nets to nothing); two Standard seats at 49.99 stay.
      expect(ofEvent).toEqual([{ rate: 19, net: 84.02, tax: 15.96 }]);
      expect(await eventTaxes()).toEqual(ofEvent);
      // Whole days come from the daily rollup, a part of a day from the tickets: both agree.
      const now = env().clock.now().getTime();
      const day = new Date(now - (now % 86_400_000));
      const iso = (ms: number) => new Date(ms).toISOString();
      expect(await eventTaxes(`?from=${iso(day.getTime())}&to=${iso(day.getTime() + 86_400_000)}`)).toEqual(
        ofEvent,
      );
      expect(await eventTaxes(`?from=${iso(now - 60_000)}&to=${iso(now + 60_000)}`)).toEqual(ofEvent);

      const organizerTaxes = json<{ taxes: (Invoice['taxes'][number] & { currency: string })[] }>(
        await env().app.inject({
          method: 'GET',
          url: '/api/analytics/organizer',
          headers: bearer(organizer.accessToken),
        }),
      ).taxes;
      // The cancelled event nets to nothing; everything else is the event above.
      expect(organizerTaxes).toEqual(asRows(minorByRate(documents)).map((r) => ({ currency: 'EUR', ...r })));
      expect(organizerTaxes).toEqual(ofEvent.map((r) => ({ currency: 'EUR', ...r })));
    });
  },
  { env: { ACCESS_TOKEN_TTL_SECONDS: '86400' } },
);
