import { beforeAll, expect, it } from 'vitest';
import { mintBuyers, type Buyer } from './support/crowd';
import { logIn, signUp, type EventBody, type OrderBody, type SignedIn } from './support/factories';
import { invoiceNumbersOf, invoicingEvent, saveProfile, type Invoice } from './support/invoices';
import { refund } from './support/order-probes';
import { bearer, describeEachEngine, json, type TestEnv } from './support/test-env';

// Invoice numbers are PREFIX-YYYY-NNNNN, sequential and gapless per organizer and year of issue,
// even when payments of one organizer race each other (issue 18).

const PAYMENTS = 200;
const RACE = 8;
const numbersFrom = (prefix: string, year: number, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}-${year}-${String(from + i).padStart(5, '0')}`);

/** Places one pending order per buyer (one seat), cycling through the events. */
async function placeOrders(env: TestEnv, buyers: Buyer[], events: EventBody[]) {
  return Promise.all(
    buyers.map(async (buyer, i) => {
      const event = events[i % events.length]!;
      const res = await env.app.inject({
        method: 'POST',
        url: '/api/orders',
        headers: bearer(buyer.accessToken),
        payload: { eventId: event.id, items: [{ ticketTypeId: event.ticketTypes[0]!.id, quantity: 1 }] },
      });
      if (res.statusCode !== 201) throw new Error(`order failed: ${res.statusCode} ${res.body}`);
      return { buyer, order: json<OrderBody>(res) };
    }),
  );
}

/** Pays every order at once. */
function payAll(env: TestEnv, placed: { buyer: Buyer; order: OrderBody }[]) {
  return Promise.all(
    placed.map(({ buyer, order }) =>
      env.app.inject({
        method: 'POST',
        url: `/api/orders/${order.id}/pay`,
        headers: bearer(buyer.accessToken),
        payload: { outcome: 'succeeded' },
      }),
    ),
  );
}

describeEachEngine(
  'invoice numbers',
  (env) => {
    let organizer: SignedIn;
    let events: EventBody[];
    let placed: { buyer: Buyer; order: OrderBody }[];

    beforeAll(async () => {
      // A fixed issue year, whatever day the suite runs.
      env().clock.set('2027-06-01T10:00:00Z');
      // Confirmation mails (tickets and invoice PDFs rendered for each of the hundreds of orders)
      // are not what this suite is about: no background delivery competing with the payments.
      await env().app.background.stop();
      organizer = await signUp(env(), { role: 'organizer' });
      await saveProfile(env(), organizer, { invoicePrefix: 'KH' });
      // Starting after the year's turn, which the last test crosses.
      events = [
        await invoicingEvent(env(), organizer, {}, 365),
        await invoicingEvent(env(), organizer, {}, 365),
      ];
    });

    it(`numbers ${PAYMENTS} concurrent payments of one organizer 1..${PAYMENTS}, no gap, no repeat`, async () => {
      placed = await placeOrders(env(), await mintBuyers(env(), PAYMENTS), events);
      const paid = await payAll(env(), placed);
      expect(paid.map((r) => r.statusCode)).toEqual(Array(PAYMENTS).fill(200));

      const rows = await env()
        .ctx.db.selectFrom('invoices')
        .select(['number', 'order_id', 'kind', 'year', 'sequence'])
        .where('organizer_id', '=', organizer.user.id)
        .execute();
      expect(rows.map((r) => r.number).sort()).toEqual(numbersFrom('KH', 2027, 1, PAYMENTS));
      expect(rows.every((r) => r.kind === 'invoice' && r.year === 2027)).toBe(true);
      expect(rows.map((r) => r.sequence).sort((a, b) => a - b)).toEqual(
        Array.from({ length: PAYMENTS }, (_, i) => i + 1),
      );
      // One invoice per order, for both events.
      expect(new Set(rows.map((r) => r.order_id)).size).toBe(PAYMENTS);
      expect(new Set(rows.map((r) => r.order_id))).toEqual(new Set(placed.map((p) => p.order.id)));
      // The organizer's list agrees: all of them, newest (highest number) first.
      const page = json<{ total: number; items: Invoice[] }>(
        await env().app.inject({
          method: 'GET',
          url: '/api/organizer/invoices?pageSize=5',
          headers: bearer(organizer.accessToken),
        }),
      );
      expect(page.total).toBe(PAYMENTS);
      expect(page.items.map((i) => i.number)).toEqual(
        numbersFrom('KH', 2027, PAYMENTS - 4, PAYMENTS).reverse(),
      );
    });

    it("gives another organizer its own sequence from 1, and a credit note the next number of the organizer's", async () => {
      const other = await signUp(env(), { role: 'organizer' });
      await saveProfile(env(), other, { invoicePrefix: null, vatId: null });
      const theirs = await invoicingEvent(env(), other);
      const buyers = await mintBuyers(env(), 10);
      // Both organizers' payments race each other: neither sequence borrows from the other.
      const mixed = await placeOrders(env(), buyers, [theirs, events[0]!]);
      expect((await payAll(env(), mixed)).every((r) => r.statusCode === 200)).toBe(true);
      expect(await invoiceNumbersOf(env(), other.user.id)).toEqual(numbersFrom('INV', 2027, 1, 5));
      expect(await invoiceNumbersOf(env(), organizer.user.id)).toEqual(
        numbersFrom('KH', 2027, 1, PAYMENTS + 5),
      );

      const first = placed[0]!.order;
      const res = await refund(env(), organizer.accessToken, first.id);
      expect(res.statusCode).toBe(201);
      const documents = json<Invoice[]>(
        await env().app.inject({
          method: 'GET',
          url: `/api/orders/${first.id}/invoices`,
          headers: bearer(organizer.accessToken),
        }),
      );
      expect(documents.map((d) => d.kind)).toEqual(['invoice', 'credit_note']);
      expect(documents[1]!.number).toBe(`KH-2027-${String(PAYMENTS + 6).padStart(5, '0')}`);
      expect(documents[1]!.correctsInvoiceId).toBe(documents[0]!.id);
      expect(await invoiceNumbersOf(env(), other.user.id)).toEqual(numbersFrom('INV', 2027, 1, 5));
    });

    it('numbers invoices and credit notes racing each other in one sequence, with no gap', async () => {
      const racer = await signUp(env(), { role: 'organizer' });
      await saveProfile(env(), racer, { invoicePrefix: 'RACE' });
      const event = await invoicingEvent(env(), racer, {}, 365);
      const orders = await placeOrders(env(), await mintBuyers(env(), 2 * RACE), [event]);
      const [earlier, later] = [orders.slice(0, RACE), orders.slice(RACE)];
      expect((await payAll(env(), earlier)).every((r) => r.statusCode === 200)).toBe(true);
      // Payments of some orders and refunds of others, of one event, all at once.
      const raced = await Promise.all([
        payAll(env(), later),
        Promise.all(earlier.map(({ order }) => refund(env(), racer.accessToken, order.id))),
      ]);
      expect(raced[0].map((r) => r.statusCode)).toEqual(Array(RACE).fill(200));
      expect(raced[1].map((r) => r.statusCode)).toEqual(Array(RACE).fill(201));
      expect(await invoiceNumbersOf(env(), racer.user.id)).toEqual(numbersFrom('RACE', 2027, 1, 3 * RACE));
    });

    it('numbers by the year of issue: a new year starts again at 1, for invoices and credit notes', async () => {
      // Placed in the last minutes of 2027, paid in the first of 2028.
      env().clock.set('2027-12-31T23:58:00Z');
      organizer = await logIn(env(), organizer.user.email, organizer.password);
      const [buyer] = await mintBuyers(env(), 1);
      const [late] = await placeOrders(env(), [buyer!], [events[1]!]);
      env().clock.set('2028-01-01T00:01:00Z');
      const [paid] = await payAll(env(), [late!]);
      expect(paid!.statusCode).toBe(200);
      // A 2027 invoice refunded in 2028: the credit note is numbered in 2028.
      const refunded = await refund(env(), organizer.accessToken, placed[1]!.order.id);
      expect(refunded.statusCode).toBe(201);

      const numbers = await invoiceNumbersOf(env(), organizer.user.id);
      expect(numbers.filter((n) => n.startsWith('KH-2028-'))).toEqual(numbersFrom('KH', 2028, 1, 2));
      expect(numbers.filter((n) => n.startsWith('KH-2027-'))).toEqual(
        numbersFrom('KH', 2027, 1, PAYMENTS + 6),
      );
      const [invoice] = await env()
        .ctx.db.selectFrom('invoices')
        .select(['number', 'issued_at'])
        .where('order_id', '=', late!.order.id)
        .execute();
      expect(invoice).toEqual({ number: 'KH-2028-00001', issued_at: '2028-01-01T00:01:00.000Z' });
    });
  },
  { env: { ACCESS_TOKEN_TTL_SECONDS: '86400' } },
);
