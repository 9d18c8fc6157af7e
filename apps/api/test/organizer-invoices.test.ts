import { beforeAll, expect, it } from 'vitest';
import { mintBuyers } from './support/crowd';
import { logIn, signUp, type EventBody, type OrderBody, type SignedIn } from './support/factories';
import { billing, cents, invoicingEvent, saveProfile, type Invoice } from './support/invoices';
import { refund } from './support/order-probes';
import { bearer, describeEachEngine, json, type TestEnv } from './support/test-env';

// Issue 18: the organizer's list of invoices and credit notes (newest first, a page at a time,
// filtered by issue time) and the same documents as CSV, with net and tax per rate.

interface Listed extends Invoice {
  orderReference: string;
  eventId: string;
  eventName: string;
  buyer: { name: string; company: string | null; vatId: string | null; country: string | null };
}
interface Page {
  items: Listed[];
  page: number;
  pageSize: number;
  total: number;
}

const DAY = 86_400_000;

/** Pays `count` one-ticket orders (one 19 % seat, one 7 % seat each) by fresh buyers. */
async function sell(env: TestEnv, event: EventBody, count: number, extra: Record<string, unknown> = {}) {
  const paid: OrderBody[] = [];
  for (const buyer of await mintBuyers(env, count)) {
    const placed = await env.app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: bearer(buyer.accessToken),
      payload: {
        eventId: event.id,
        items: event.ticketTypes.map((t) => ({ ticketTypeId: t.id, quantity: 1 })),
        ...extra,
      },
    });
    const res = await env.app.inject({
      method: 'POST',
      url: `/api/orders/${json<OrderBody>(placed).id}/pay`,
      headers: bearer(buyer.accessToken),
      payload: { outcome: 'succeeded' },
    });
    if (res.statusCode !== 200) throw new Error(`payment failed: ${res.statusCode} ${res.body}`);
    paid.push(json<OrderBody>(res));
  }
  return paid;
}

describeEachEngine(
  "the organizer's invoices",
  (env) => {
    let organizer: SignedIn;
    let rival: SignedIn;
    const days: string[] = [];
    const list = (query: string, who: SignedIn = organizer) =>
      env().app.inject({
        method: 'GET',
        url: `/api/organizer/invoices${query}`,
        headers: bearer(who.accessToken),
      });

    beforeAll(async () => {
      env().clock.set('2027-03-01T09:00:00Z');
      organizer = await signUp(env(), { role: 'organizer' });
      rival = await signUp(env(), { role: 'organizer' });
      await saveProfile(env(), organizer);
      await saveProfile(env(), rival, { invoicePrefix: 'RIV' });
      const event = await invoicingEvent(env(), organizer, {}, 60);
      await sell(env(), await invoicingEvent(env(), rival, {}, 60), 2);
      // Day 1: four invoices; day 2: three, one with billing details; day 3: a credit note.
      days.push(env().clock.now().toISOString());
      const first = await sell(env(), event, 4);
      env().clock.advance(DAY);
      days.push(env().clock.now().toISOString());
      await sell(env(), event, 2);
      await sell(env(), event, 1, { billing: billing('AT', null) });
      env().clock.advance(DAY);
      days.push(env().clock.now().toISOString());
      // Two days on, past the access tokens' lifetime.
      organizer = await logIn(env(), organizer.user.email, organizer.password);
      rival = await logIn(env(), rival.user.email, rival.password);
      const res = await refund(env(), organizer.accessToken, first[0]!.id, {
        ticketIds: [first[0]!.tickets![1]!.id],
      });
      if (res.statusCode !== 201) throw new Error(`refund failed: ${res.body}`);
    });

    it('lists its own documents newest first, page by page, with whom and what each was for', async () => {
      const pages: Page[] = [];
      for (let page = 1; page <= 3; page++) pages.push(json<Page>(await list(`?page=${page}&pageSize=3`)));
      expect(pages.map((p) => p.total)).toEqual([8, 8, 8]);
      expect(pages.map((p) => p.items.length)).toEqual([3, 3, 2]);
      const all = pages.flatMap((p) => p.items);
      expect(all.map((d) => d.number)).toEqual(
        [1, 2, 3, 4, 5, 6, 7, 8].reverse().map((n) => `KH-2027-0000${n}`),
      );
      expect(all.map((d) => d.kind)).toEqual(['credit_note', ...Array<string>(7).fill('invoice')]);
      expect(all.every((d) => d.eventName === 'Tax Summit' && d.currency === 'EUR')).toBe(true);
      expect(all[0]!.correctsInvoiceId).toBe(all[7]!.id);
      expect(all[1]!.buyer).toEqual({ name: 'Bea Buyer', company: null, vatId: null, country: 'AT' });
      expect(all[2]!.buyer).toMatchObject({ name: 'Crowd Buyer', country: null });
      // The rival sees only its own two.
      expect(json<Page>(await list('', rival)).items.map((d) => d.number)).toEqual([
        'RIV-2027-00002',
        'RIV-2027-00001',
      ]);
    });

    it('filters by issue time, [from, to)', async () => {
      const between = async (from: string, to?: string) =>
        json<Page>(await list(`?from=${from}${to ? `&to=${to}` : ''}`)).items.map((d) => d.number);
      expect(await between(days[1]!, days[2]!)).toEqual(['KH-2027-00007', 'KH-2027-00006', 'KH-2027-00005']);
      expect(await between(days[2]!)).toEqual(['KH-2027-00008']);
      expect(await between(days[0]!, days[1]!)).toHaveLength(4);
      const backwards = await list(`?from=${days[2]}&to=${days[1]}`);
      expect(backwards.statusCode).toBe(400);
      expect((await list('', await signUp(env()))).statusCode).toBe(403);
    });

    it('exports a CSV: a header, then one line per document with net and tax per rate', async () => {
      const res = await env().app.inject({
        method: 'GET',
        url: '/api/organizer/invoices.csv',
        headers: bearer(organizer.accessToken),
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toMatch(/filename="invoices\.csv"/);
      const [header, ...lines] = res.body.trimEnd().split('\r\n');
      const columns = header!.split(',');
      expect(columns).toEqual(
        expect.arrayContaining([
          'number',
          'kind',
          'corrects',
          'net',
          'tax',
          'gross',
          'net_7%',
          'tax_7%',
          'net_19%',
          'tax_19%',
        ]),
      );
      expect(lines).toHaveLength(8);
      const rows = lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [columns[i]!, v])));
      // Oldest first; every line's rate columns add up to its totals.
      expect(rows.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `KH-2027-0000${n}`));
      const documents = new Map(json<Page>(await list('?pageSize=100')).items.map((d) => [d.number, d]));
      for (const row of rows) {
        const document = documents.get(row.number!)!;
        expect(row.kind).toBe(document.kind);
        expect(cents([Number(row.net), Number(row.tax)])).toBe(cents([Number(row.gross)]));
        expect(cents([Number(row['net_7%']), Number(row['net_19%'])])).toBe(cents([Number(row.net)]));
        expect(cents([Number(row['tax_7%']), Number(row['tax_19%'])])).toBe(cents([Number(row.tax)]));
        for (const t of document.taxes) {
          expect(Number(row[`net_${t.rate}%`])).toBe(t.net);
          expect(Number(row[`tax_${t.rate}%`])).toBe(t.tax);
        }
      }
      const credit = rows.find((r) => r.kind === 'credit_note')!;
      // The refunded seat was the 7 % one (10.70, 0.70 of it tax): nothing at 19 %.
      expect(credit).toMatchObject({
        corrects: 'KH-2027-00001',
        gross: '-10.7',
        'tax_7%': '-0.7',
        'net_19%': '',
      });
    });
  },
  { env: { ACCESS_TOKEN_TTL_SECONDS: '86400' } },
);
