import { beforeAll, expect, it } from 'vitest';
import { openDoor } from './support/door';
import { expectedEventFigures } from './support/expected-analytics';
import {
  exportEventAttendees,
  exportEventOrders,
  rebuildSalesRollups,
  recordPaymentSucceeded,
} from '@eventhub/core';
import { orderDeps } from '../src/context';
import {
  buyTickets,
  makePublishedEvent,
  placeOrderOk,
  signInAdmin,
  signUp,
  type SignedIn,
} from './support/factories';
import { makeSalesHistory, minor, type SalesHistory } from './support/sales-history';
import { bearer, describeEachEngine, json, type TestEnv } from './support/test-env';

const TIMEZONE = 'Asia/Kathmandu'; // UTC+05:45: local days start at a quarter past the hour

interface Bucket {
  key: string;
  count: number;
}
interface EventAnalytics {
  currency: string;
  granularity: string;
  revenue: { gross: number; discounts: number; refunds: number; net: number };
  orders: number;
  ticketsSold: number;
  capacity: { total: number; sold: number; held: number; remaining: number; utilization: number };
  byTicketType: {
    ticketTypeId: string;
    sold: number;
    refunded: number;
    revenue: number;
  }[];
  salesOverTime: { date: string; tickets: number; revenue: number }[];
  demographics: { ageRange: Bucket[]; country: Bucket[] };
  promotions: { code: string; uses: number; discount: number }[];
  checkIns: { count: number; rate: number };
}

function analytics(env: TestEnv, who: SignedIn | null, url: string) {
  return env.app.inject({ url, headers: who ? bearer(who.accessToken) : {} });
}

async function eventAnalytics(
  env: TestEnv,
  who: SignedIn,
  eventId: string,
  query = '',
): Promise<EventAnalytics> {
  const res = await analytics(env, who, `/api/analytics/events/${eventId}${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return json<EventAnalytics>(res);
}

const sumMinor = (values: number[]) => values.reduce((s, v) => s + minor(v), 0);

/** Everything the event analytics shows, against the ledger's independent sums. */
function expectFigures(
  actual: EventAnalytics,
  history: SalesHistory,
  range: { from?: string; to?: string } = {},
  timeZone = TIMEZONE,
) {
  const expected = expectedEventFigures(history, timeZone, range);
  expect(actual.revenue).toEqual(expected.revenue);
  expect(actual.orders).toBe(expected.orders);
  expect(actual.ticketsSold).toBe(expected.ticketsSold);
  expect(actual.byTicketType).toEqual(expected.byTier.map((t) => expect.objectContaining(t)));
  expect(actual.granularity).toBe(expected.granularity);
  for (const point of actual.salesOverTime) {
    expect(point, point.date).toEqual({
      date: point.date,
      ...(expected.salesBuckets.get(point.date) ?? { tickets: 0, revenue: 0 }),
    });
  }
  expect(new Set(actual.salesOverTime.map((p) => p.date))).toEqual(
    new Set([...actual.salesOverTime.map((p) => p.date), ...expected.salesBuckets.keys()]),
  );
  // The parts add up to the whole, to the cent.
  expect(sumMinor(actual.salesOverTime.map((p) => p.revenue))).toBe(minor(expected.revenue.net));
  expect(sumMinor(actual.byTicketType.map((t) => t.revenue))).toBe(minor(expected.revenue.net));
  expect(new Map(actual.demographics.ageRange.map((b) => [b.key, b.count]))).toEqual(expected.ageRange);
  expect(new Map(actual.demographics.country.map((b) => [b.key, b.count]))).toEqual(expected.country);
  const used = actual.promotions.filter((p) => p.uses > 0);
  expect(new Map(used.map((p) => [p.code, { uses: p.uses, discount: p.discount }]))).toEqual(
    expected.promotions,
  );
  expect(sumMinor(actual.promotions.map((p) => p.discount))).toBe(minor(expected.revenue.discounts));
  expect(actual.checkIns).toEqual(expected.checkIns);
}

describeEachEngine(
  'analytics',
  (env) => {
    let organizer: SignedIn;
    let history: SalesHistory;
    let buyers: SignedIn[];

    beforeAll(async () => {
      organizer = await signUp(env(), { role: 'organizer', name: 'Ada Organizer' });
      buyers = [await signUp(env()), await signUp(env()), await signUp(env())];
      history = await makeSalesHistory(env(), organizer, buyers, {
        orders: 220,
        seed: 20261201,
        timezone: TIMEZONE,
        extraAttendee: '=HYPERLINK("http://attacker.test","click")',
      });
      ({ organizer, buyers } = history);
    }, 120_000);

    it('shows every figure of an event exactly as its orders add up, to the cent', async () => {
      // The history is what it claims to be: several days, refunds, check-ins, promos, pending holds.
      const days =
        (Date.parse(history.sold.at(-1)!.paidAt) - Date.parse(history.sold[0]!.paidAt)) / 86_400_000;
      expect(days).toBeGreaterThan(4);
      expect(history.sold.length).toBeGreaterThan(150);
      expect(history.sold.some((o) => o.refunded > 0 && o.tickets.some((t) => t.status !== 'void'))).toBe(
        true,
      );
      expect(history.sold.some((o) => o.tickets.every((t) => t.status === 'void'))).toBe(true);
      expect(history.sold.flatMap((o) => o.tickets).some((t) => t.status === 'used')).toBe(true);

      const actual = await eventAnalytics(env(), organizer, history.event.id);
      expect(actual.currency).toBe('USD');
      expectFigures(actual, history);
      expect(actual.salesOverTime.length).toBeGreaterThan(4);

      const now = env().clock.now().toISOString();
      // A ticket refunded after it was used keeps its seat: the attendee is in it.
      const sold = history.sold
        .flatMap((o) => o.tickets)
        .filter((t) => t.status !== 'void' || t.refundedAfterUse).length;
      const held = history.pending.filter((p) => p.expiresAt > now).reduce((s, p) => s + p.seats, 0);
      expect(actual.capacity).toEqual({
        total: 4500, // the tiers' limits (2000 + 2000 + 500) bind before the event's 5,000
        sold,
        held,
        remaining: 4500 - sold - held,
        utilization: Math.round((sold / 4500) * 10_000) / 10_000,
      });
    });

    it('counts only sales inside from/to: from inclusive, to exclusive; a short range is hourly', async () => {
      const from = history.sold[40]!.paidAt;
      const to = history.sold[150]!.paidAt;
      const ranged = await eventAnalytics(env(), organizer, history.event.id, `?from=${from}&to=${to}`);
      expect(ranged.orders).toBe(110);
      expectFigures(ranged, history, { from, to });
      expect(
        ranged.salesOverTime[0]!.date <= new Date(from).toLocaleDateString('en-CA', { timeZone: TIMEZONE }),
      ).toBe(true);

      const shortTo = new Date(Date.parse(from) + 30 * 3_600_000).toISOString();
      const hourly = await eventAnalytics(env(), organizer, history.event.id, `?from=${from}&to=${shortTo}`);
      expect(hourly.granularity).toBe('hour');
      expect(hourly.salesOverTime.length).toBe(31); // 30 hours, touching 31 local hours (the :45 offset)
      expectFigures(hourly, history, { from, to: shortTo });

      const before = await eventAnalytics(
        env(),
        organizer,
        history.event.id,
        `?to=${history.sold[0]!.paidAt}`,
      );
      expect(before.orders).toBe(0);
      expect(before.revenue).toEqual({ gross: 0, discounts: 0, refunds: 0, net: 0 });
    });

    it('folds the same sales into another timezone, one on whole-hour offsets, when the event moves', async () => {
      const move = (timezone: string) =>
        env().app.inject({
          method: 'PATCH',
          url: `/api/events/${history.event.id}`,
          headers: bearer(organizer.accessToken),
          payload: { timezone },
        });
      expect((await move('America/New_York')).statusCode).toBe(200);
      try {
        const from = history.sold[40]!.paidAt;
        const to = history.sold[150]!.paidAt;
        expectFigures(
          await eventAnalytics(env(), organizer, history.event.id),
          history,
          {},
          'America/New_York',
        );
        expectFigures(
          await eventAnalytics(env(), organizer, history.event.id, `?from=${from}&to=${to}`),
          history,
          { from, to },
          'America/New_York',
        );
      } finally {
        expect((await move(TIMEZONE)).statusCode).toBe(200);
      }
    });

    it('folds demographic buckets under five attendees into "other"', async () => {
      const actual = await eventAnalytics(env(), organizer, history.event.id);
      for (const buckets of [actual.demographics.ageRange, actual.demographics.country]) {
        for (const b of buckets.filter((x) => x.key !== 'other')) expect(b.count).toBeGreaterThanOrEqual(5);
        expect(buckets.at(-1)!.key).toBe('other');
      }
      // The rare countries of the history are there, but only inside "other".
      expect(actual.demographics.country.map((b) => b.key)).not.toContain('UY');
      // Age ranges read youngest to oldest, then the unspecified, then "other".
      const order = ['under-18', '18-24', '25-34', '35-44', '45-54', '55-64', '65+', 'unspecified', 'other'];
      const keys = actual.demographics.ageRange.map((b) => b.key);
      expect(keys).toEqual([...keys].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    });

    it('rejects bad ranges with 400 and names the field', async () => {
      const backwards = await analytics(
        env(),
        organizer,
        `/api/analytics/events/${history.event.id}?from=2026-05-02T00:00:00Z&to=2026-05-01T00:00:00Z`,
      );
      expect(backwards.statusCode).toBe(400);
      expect(json(backwards)).toMatchObject({ code: 'validation_failed' });
      const garbage = await analytics(env(), organizer, `/api/analytics/organizer?from=yesterday`);
      expect(garbage.statusCode).toBe(400);
    });

    it("lets only the event's organizer and admins read it: another organizer 404, staff and customers 403", async () => {
      const other = await signUp(env(), { role: 'organizer' });
      const door = await openDoor(env(), organizer);
      const admin = await signInAdmin(env());
      const url = `/api/analytics/events/${history.event.id}`;
      expect((await analytics(env(), other, url)).statusCode).toBe(404);
      expect((await analytics(env(), other, `/api/events/${history.event.id}/orders.csv`)).statusCode).toBe(
        404,
      );
      expect(
        (await analytics(env(), other, `/api/events/${history.event.id}/attendees.csv`)).statusCode,
      ).toBe(404);
      expect((await analytics(env(), door.staff, url)).statusCode).toBe(403);
      expect((await analytics(env(), door.staff, '/api/analytics/organizer')).statusCode).toBe(403);
      expect(
        (await analytics(env(), door.staff, `/api/events/${history.event.id}/orders.csv`)).statusCode,
      ).toBe(403);
      expect((await analytics(env(), buyers[0]!, url)).statusCode).toBe(403);
      expect((await analytics(env(), buyers[0]!, '/api/admin/analytics')).statusCode).toBe(403);
      expect((await analytics(env(), organizer, '/api/admin/analytics')).statusCode).toBe(403);
      expect((await analytics(env(), null, url)).statusCode).toBe(401);
      expect((await analytics(env(), admin, url)).statusCode).toBe(200);
      const others = json<{ events: { eventId: string }[] }>(
        await analytics(env(), other, '/api/analytics/organizer'),
      );
      expect(others.events.map((e) => e.eventId)).not.toContain(history.event.id);
    });

    it('sums an organizer across events per currency, and the platform for admins', async () => {
      const euro = await makePublishedEvent(env(), organizer, { name: 'Berlin Night', currency: 'EUR' });
      const euroOrder = await buyTickets(env(), buyers[1]!, {
        eventId: euro.id,
        items: [{ ticketTypeId: euro.ticketTypes[2]!.id, quantity: 2 }],
        promoCode: 'GROUP10',
      });
      const rival = await signUp(env(), { role: 'organizer', name: 'Rival Events' });
      const rivalEvent = await makePublishedEvent(env(), rival, { name: 'Rival Fest' });
      await buyTickets(env(), buyers[2]!, {
        eventId: rivalEvent.id,
        items: [{ ticketTypeId: rivalEvent.ticketTypes[0]!.id, quantity: 1 }],
      });

      const expected = expectedEventFigures(history, TIMEZONE);
      const mine = json<{
        totals: {
          events: number;
          orders: number;
          ticketsSold: number;
          checkIns: number;
          revenue: { currency: string; gross: number; net: number }[];
        };
        events: { eventId: string; ticketsSold: number; revenue: { net: number } }[];
      }>(await analytics(env(), organizer, '/api/analytics/organizer'));
      const eventsOfOrganizer = 3; // the history's event, the door's event, the euro event
      expect(mine.totals).toMatchObject({
        events: eventsOfOrganizer,
        orders: expected.orders + 1,
        ticketsSold: expected.ticketsSold + 2,
        checkIns: expected.checkIns.count,
      });
      expect(mine.totals.revenue).toEqual([
        { currency: 'USD', ...expected.revenue },
        { currency: 'EUR', gross: 1198, discounts: 119.8, refunds: 0, net: euroOrder.total },
      ]);
      expect(mine.events.find((e) => e.eventId === history.event.id)).toMatchObject({
        ticketsSold: expected.ticketsSold,
        revenue: { net: expected.revenue.net },
      });
      expect(mine.events.map((e) => e.eventId)).not.toContain(rivalEvent.id);

      const admin = await signInAdmin(env());
      const platform = json<{
        totals: {
          orders: number;
          ticketsSold: number;
          organizers: number;
          revenue: { currency: string; net: number }[];
        };
        byOrganizer: { organizerId: string; ticketsSold: number }[];
        topEvents: { eventId: string; ticketsSold: number }[];
        newUsers: { total: number; byRole: { role: string; count: number }[] };
      }>(await analytics(env(), admin, '/api/admin/analytics'));
      expect(platform.totals.orders).toBe(expected.orders + 2);
      expect(platform.totals.ticketsSold).toBe(expected.ticketsSold + 3);
      expect(platform.totals.revenue).toEqual([
        expect.objectContaining({ currency: 'USD', net: Number((expected.revenue.net + 299).toFixed(2)) }),
        expect.objectContaining({ currency: 'EUR', net: euroOrder.total }),
      ]);
      expect(platform.topEvents[0]!.eventId).toBe(history.event.id);
      expect(platform.byOrganizer.map((o) => o.organizerId).slice(0, 2)).toEqual([
        organizer.user.id,
        rival.user.id,
      ]);
      const users = await env().ctx.db.selectFrom('users').select('role').execute();
      expect(platform.newUsers.total).toBe(users.length);
      expect(platform.newUsers.byRole.find((r) => r.role === 'organizer')!.count).toBe(
        users.filter((u) => u.role === 'organizer').length,
      );

      const onlyRival = json<{
        totals: { orders: number; ticketsSold: number };
        topEvents: { eventId: string }[];
      }>(await analytics(env(), admin, `/api/admin/analytics?organizerId=${rival.user.id}`));
      expect(onlyRival.totals).toMatchObject({ orders: 1, ticketsSold: 1 });
      expect(onlyRival.topEvents.map((e) => e.eventId)).toEqual([rivalEvent.id]);
      expect(
        (await analytics(env(), admin, `/api/admin/analytics?organizerId=${buyers[0]!.user.id}`)).statusCode,
      ).toBe(404);
    });

    it('keeps running totals equal to a recount of orders and tickets, late refunded payments included', async () => {
      // A payment that arrives (from the provider) after its hold expired and its seat was sold:
      // refused and refunded in full, so its money counts in and out.
      const tiny = await makePublishedEvent(env(), organizer, {
        capacity: 1,
        ticketTypes: [{ name: 'Last seat', price: 50, limit: 1 }],
        promotions: [],
      });
      const items = [{ ticketTypeId: tiny.ticketTypes[0]!.id, quantity: 1 }];
      const late = await placeOrderOk(env(), buyers[0]!, { eventId: tiny.id, items });
      env().clock.advance(16 * 60_000);
      await buyTickets(env(), buyers[1]!, { eventId: tiny.id, items });
      const paidLate = await recordPaymentSucceeded(
        orderDeps(env().ctx),
        late.id,
        { ref: 'test_late' },
        null,
      );
      expect(paidLate).toMatchObject({
        outcome: 'refused',
        order: { status: 'expired', refunded_amount: 5000 },
      });
      const figures = await eventAnalytics(env(), organizer, tiny.id);
      expect(figures).toMatchObject({
        orders: 2,
        ticketsSold: 1,
        revenue: { gross: 100, discounts: 0, refunds: 50, net: 50 },
      });

      const tables = ['sales_by_day', 'tickets_by_day', 'tickets_by_quarter', 'attendees_by_day'] as const;
      const snapshot = async () =>
        Promise.all(
          tables.map(async (table) =>
            (await env().ctx.db.selectFrom(table).selectAll().execute())
              // Refunds can leave a key at zero; a recount has no row for it.
              .filter((row) => Object.values(row).some((v) => typeof v === 'number' && v !== 0))
              .map((row) => JSON.stringify(Object.entries(row).sort()))
              .sort(),
          ),
        );
      const kept = await snapshot();
      expect(kept[0]!.length).toBeGreaterThan(5);
      await rebuildSalesRollups(env().ctx.db);
      expect(await snapshot()).toEqual(kept);
    });

    it('exports orders, attendees and analytics tables as CSV with spreadsheet formulas neutralised', async () => {
      const orders = await analytics(env(), organizer, `/api/events/${history.event.id}/orders.csv`);
      expect(orders.statusCode).toBe(200);
      expect(orders.headers['content-type']).toMatch(/^text\/csv/);
      expect(orders.headers['content-disposition']).toMatch(/attachment; filename=".*orders\.csv"/);
      const orderLines = orders.body.trimEnd().split('\r\n');
      expect(orderLines[0]).toBe(
        'order_id,paid_at,status,buyer_name,buyer_email,currency,subtotal,discount,total,refunded,promo_code',
      );
      expect(orderLines).toHaveLength(history.sold.length + 1);
      const totals = orderLines.slice(1).reduce((s, line) => s + minor(Number(line.split(',')[8])), 0);
      expect(totals).toBe(history.sold.reduce((s, o) => s + o.subtotal - o.discount, 0));

      const attendees = await analytics(env(), organizer, `/api/events/${history.event.id}/attendees.csv`);
      expect(attendees.statusCode).toBe(200);
      const lines = attendees.body.trimEnd().split('\r\n');
      expect(lines).toHaveLength(history.sold.flatMap((o) => o.tickets).length + 1);
      // The formula is shown as text: a leading apostrophe, quoted because of its commas and quotes.
      expect(attendees.body).toContain(`"'=HYPERLINK(""http://attacker.test"",""click"")"`);
      expect(attendees.body).not.toMatch(/(^|,)=HYPERLINK/m);

      // Pages of 7 rows stitch together into exactly what one page gives: no row lost or repeated
      // at a page boundary, even where several rows share a sale time (an order's tickets do).
      const actor = {
        userId: organizer.user.id,
        role: 'organizer' as const,
        organizerId: organizer.user.id,
        sessionId: 's',
      };
      for (const exporter of [exportEventOrders, exportEventAttendees]) {
        const paged: string[] = [];
        for await (const line of (await exporter(env().ctx, actor, history.event.id, 7)).lines)
          paged.push(line);
        expect(paged.join('')).toBe((exporter === exportEventOrders ? orders : attendees).body);
      }

      const tiers = await analytics(
        env(),
        organizer,
        `/api/analytics/events/${history.event.id}/export.csv?table=ticket-types`,
      );
      expect(tiers.statusCode).toBe(200);
      const tierLines = tiers.body.trimEnd().split('\r\n');
      expect(tierLines[0]).toBe('ticket_type,price,limit,sold,refunded,revenue,currency');
      expect(tierLines).toHaveLength(4);
      const wrongTable = await analytics(
        env(),
        organizer,
        `/api/analytics/events/${history.event.id}/export.csv?table=passwords`,
      );
      expect(wrongTable.statusCode).toBe(400);
      const events = await analytics(env(), organizer, '/api/analytics/organizer/export.csv');
      expect(events.statusCode).toBe(200);
      expect(events.body.split('\r\n')[0]).toContain('tickets_sold');
    });
  },
  // The history spans days of a manual clock; tokens that live a day are renewed by the factory.
  { env: { ACCESS_TOKEN_TTL_SECONDS: '86400' } },
);
