import { sql, type RawBuilder } from 'kysely';
import type { DbOrTx } from '../db/database';
import { splitRange } from './range-split';
import { addSums, NO_SALES, salesSumsOf, type SalesSums } from './money-figures';
import { quarterHourOf, type QuarterHourSales } from './sales-over-time';
import type { SalesRange } from './sales-range';

// The sums every analytics view is made of. An order counts as sold once it is paid (`paid_at`),
// including orders refunded later: their refunds are reported as refunds. A ticket carries its
// order's sale time in `created_at`; void tickets are the refunded ones. Whole UTC days (quarter
// hours) come from the rollups kept by sales-rollups.ts; the partial ones at a range's ends are
// summed from orders and tickets, and the two are added up here.

/** Which events: one, one organizer's, or all of them. */
export type EventScope = { eventId: string } | { organizerId: string } | { all: true };

function scopeCondition(column: string, scope: EventScope): RawBuilder<boolean> | null {
  if ('eventId' in scope) return sql<boolean>`${sql.ref(column)} = ${scope.eventId}`;
  if ('organizerId' in scope)
    return sql<boolean>`${sql.ref(column)} in (select id from events where organizer_id = ${scope.organizerId})`;
  return null;
}

function soldOrders(db: DbOrTx, range: SalesRange, scope: EventScope) {
  const inScope = scopeCondition('orders.event_id', scope);
  return db
    .selectFrom('orders')
    .where('orders.paid_at', 'is not', null)
    .$if(inScope !== null, (qb) => qb.where(inScope!))
    .$if(range.from !== null, (qb) => qb.where('orders.paid_at', '>=', range.from!))
    .$if(range.to !== null, (qb) => qb.where('orders.paid_at', '<', range.to!));
}

function soldTickets(db: DbOrTx, range: SalesRange, scope: EventScope) {
  const inScope = scopeCondition('tickets.event_id', scope);
  return db
    .selectFrom('tickets')
    .$if(inScope !== null, (qb) => qb.where(inScope!))
    .$if(range.from !== null, (qb) => qb.where('tickets.created_at', '>=', range.from!))
    .$if(range.to !== null, (qb) => qb.where('tickets.created_at', '<', range.to!));
}

/** Rows of a per-day rollup in scope; typed as sales_by_day, whose key columns they all share. */
function rollupRows(
  db: DbOrTx,
  table: 'sales_by_day' | 'tickets_by_day' | 'attendees_by_day',
  whole: { from: string | null; to: string | null },
  scope: EventScope,
) {
  const inScope = scopeCondition(`${table}.event_id`, scope);
  return db
    .selectFrom(table as 'sales_by_day')
    .$if(inScope !== null, (qb) => qb.where(inScope!))
    .$if(whole.from !== null, (qb) => qb.where('day', '>=', whole.from!))
    .$if(whole.to !== null, (qb) => qb.where('day', '<', whole.to!));
}

const n = (value: number | string | null | undefined) => Number(value ?? 0);

function mergeInto<V>(target: Map<string, V>, key: string, value: V, add: (a: V, b: V) => V) {
  const known = target.get(key);
  target.set(key, known === undefined ? value : add(known, value));
}

export interface SoldMoney extends SalesSums {
  first: string | null;
  last: string | null;
}

const NO_MONEY: SoldMoney = { ...NO_SALES, first: null, last: null };

function addMoney(a: SoldMoney, b: SoldMoney): SoldMoney {
  return {
    ...addSums(a, b),
    first: !a.first || (b.first && b.first < a.first) ? b.first : a.first,
    last: !a.last || (b.last && b.last > a.last) ? b.last : a.last,
  };
}

/** Sold orders' money per promo code ('' for none) or per event. */
export async function soldMoney(
  db: DbOrTx,
  range: SalesRange,
  scope: EventScope,
  by: 'promo' | 'event',
): Promise<Map<string, SoldMoney>> {
  const { whole, edges } = splitRange(range, 'day');
  const result = new Map<string, SoldMoney>();
  const add = (rows: Record<string, string | number | null>[]) => {
    for (const r of rows) {
      mergeInto(
        result,
        String(r.key),
        {
          ...salesSumsOf(r as never),
          first: r.first as string | null,
          last: r.last as string | null,
        },
        addMoney,
      );
    }
  };
  if (whole) {
    add(
      await rollupRows(db, 'sales_by_day', whole, scope)
        .select([
          sql<string>`${sql.ref(by === 'promo' ? 'promo_code' : 'event_id')}`.as('key'),
          sql<number>`sum(orders)`.as('orders'),
          sql<number>`sum(subtotal)`.as('subtotal'),
          sql<number>`sum(discount)`.as('discount'),
          sql<number>`sum(refunded)`.as('refunded'),
          sql<string>`min(first_sale)`.as('first'),
          sql<string>`max(last_sale)`.as('last'),
        ])
        .groupBy(by === 'promo' ? 'promo_code' : 'event_id')
        .execute(),
    );
  }
  const key = by === 'promo' ? sql<string>`coalesce(orders.promo_code, '')` : sql<string>`orders.event_id`;
  for (const edge of edges) {
    add(
      await soldOrders(db, edge, scope)
        .select([
          key.as('key'),
          sql<number>`count(*)`.as('orders'),
          sql<number>`sum(orders.subtotal)`.as('subtotal'),
          sql<number>`sum(orders.discount)`.as('discount'),
          sql<number>`sum(orders.refunded_amount)`.as('refunded'),
          sql<string>`min(orders.paid_at)`.as('first'),
          sql<string>`max(orders.paid_at)`.as('last'),
        ])
        .groupBy(key)
        .execute(),
    );
  }
  return result;
}

export function totalMoney(byKey: Map<string, SoldMoney>): SoldMoney {
  return [...byKey.values()].reduce(addMoney, NO_MONEY);
}

export interface TicketSums {
  /** Kept (valid or used) tickets. */
  sold: number;
  refunded: number;
  /** Minor units kept: what was paid for the tickets not refunded. */
  revenue: number;
}

export const NO_TICKETS: TicketSums = { sold: 0, refunded: 0, revenue: 0 };

export function addTicketSums(a: TicketSums, b: TicketSums): TicketSums {
  return { sold: a.sold + b.sold, refunded: a.refunded + b.refunded, revenue: a.revenue + b.revenue };
}

/** Kept and refunded tickets per tier or per event. */
export async function soldTicketCounts(
  db: DbOrTx,
  range: SalesRange,
  scope: EventScope,
  by: 'tier' | 'event',
): Promise<Map<string, TicketSums>> {
  const { whole, edges } = splitRange(range, 'day');
  const result = new Map<string, TicketSums>();
  const add = (
    rows: { key: string; sold: number | string; refunded: number | string; revenue: number | string }[],
  ) => {
    for (const r of rows)
      mergeInto(
        result,
        r.key,
        { sold: n(r.sold), refunded: n(r.refunded), revenue: n(r.revenue) },
        addTicketSums,
      );
  };
  if (whole) {
    const column = by === 'tier' ? 'ticket_type_id' : 'event_id';
    add(
      await rollupRows(db, 'tickets_by_day', whole, scope)
        .select([
          sql<string>`${sql.ref(column)}`.as('key'),
          sql<number>`sum(sold)`.as('sold'),
          sql<number>`sum(refunded)`.as('refunded'),
          sql<number>`sum(revenue)`.as('revenue'),
        ])
        .groupBy(sql.ref(column))
        .execute(),
    );
  }
  const key = sql<string>`${sql.ref(by === 'tier' ? 'tickets.ticket_type_id' : 'tickets.event_id')}`;
  for (const edge of edges) {
    add(
      await soldTickets(db, edge, scope)
        .select([
          key.as('key'),
          sql<number>`sum(case when tickets.status <> 'void' then 1 else 0 end)`.as('sold'),
          sql<number>`sum(case when tickets.status = 'void' then 1 else 0 end)`.as('refunded'),
          sql<number>`sum(case when tickets.status <> 'void' then tickets.price_paid else 0 end)`.as(
            'revenue',
          ),
        ])
        .groupBy(key)
        .execute(),
    );
  }
  return result;
}

/**
 * Checked-in tickets per event, counted in the door's own (event_id, status) index: the cost
 * grows with the check-ins, not the sales, and no door scan contends for a running total.
 */
export async function checkInCounts(
  db: DbOrTx,
  range: SalesRange,
  scope: EventScope,
): Promise<Map<string, number>> {
  const rows = await soldTickets(db, range, scope)
    // Every event's ids, so the index is entered per event at its 'used' entries, not scanned whole.
    .$if('all' in scope, (qb) => qb.where('tickets.event_id', 'in', db.selectFrom('events').select('id')))
    .where('tickets.status', '=', 'used')
    .select(['tickets.event_id', sql<number>`count(*)`.as('count')])
    .groupBy('tickets.event_id')
    .execute();
  return new Map(rows.map((r) => [r.event_id, n(r.count)]));
}

/** Kept tickets per UTC quarter hour of one event. */
export async function quarterHourSales(
  db: DbOrTx,
  range: SalesRange,
  eventId: string,
  /** Sum whole hours in SQL (every row then has quarter 0): enough for zones on whole-hour offsets. */
  byHour: boolean,
): Promise<QuarterHourSales[]> {
  const { whole, edges } = splitRange(range, 'quarter');
  const rows: QuarterHourSales[] = [];
  if (whole) {
    const bucket = byHour ? sql<string>`substr(quarter, 1, 13)` : sql<string>`quarter`;
    const rolled = await db
      .selectFrom('tickets_by_quarter')
      .select([
        bucket.as('quarter'),
        sql<number>`sum(tickets)`.as('tickets'),
        sql<number>`sum(revenue)`.as('revenue'),
      ])
      .where('event_id', '=', eventId)
      .$if(whole.from !== null, (qb) => qb.where('quarter', '>=', whole.from!))
      .$if(whole.to !== null, (qb) => qb.where('quarter', '<', whole.to!))
      .groupBy(bucket)
      .execute();
    for (const r of rolled)
      rows.push({
        hour: r.quarter.slice(0, 13),
        quarter: byHour ? 0 : Number(r.quarter.slice(14, 16)) / 15,
        tickets: n(r.tickets),
        revenue: n(r.revenue),
      });
  }
  const { hour, quarter } = quarterHourOf('tickets.created_at');
  for (const edge of edges) {
    const raw = await soldTickets(db, edge, { eventId })
      .where('tickets.status', '<>', 'void')
      .select([
        hour.as('hour'),
        quarter.as('quarter'),
        sql<number>`count(*)`.as('tickets'),
        sql<number>`sum(tickets.price_paid)`.as('revenue'),
      ])
      .groupBy([hour, quarter])
      .execute();
    for (const r of raw)
      rows.push({ hour: r.hour, quarter: n(r.quarter), tickets: n(r.tickets), revenue: n(r.revenue) });
  }
  return rows;
}

/** Kept tickets per (age range, country) of one event; null where the attendee gave none. */
export async function attendeeCounts(
  db: DbOrTx,
  range: SalesRange,
  eventId: string,
): Promise<{ age_range: string | null; country: string | null; count: number }[]> {
  const { whole, edges } = splitRange(range, 'day');
  const rows: { age_range: string | null; country: string | null; count: number }[] = [];
  if (whole) {
    const rolled = await rollupRows(db, 'attendees_by_day', whole, { eventId })
      .select([
        sql<string>`age_range`.as('age_range'),
        sql<string>`country`.as('country'),
        sql<number>`sum(attendees)`.as('count'),
      ])
      .groupBy([sql`age_range`, sql`country`])
      .execute();
    for (const r of rolled)
      rows.push({ age_range: r.age_range || null, country: r.country || null, count: n(r.count) });
  }
  for (const edge of edges) {
    const raw = await soldTickets(db, edge, { eventId })
      .where('tickets.status', '<>', 'void')
      .select(['tickets.age_range', 'tickets.country', sql<number>`count(*)`.as('count')])
      .groupBy(['tickets.age_range', 'tickets.country'])
      .execute();
    for (const r of raw) rows.push({ age_range: r.age_range, country: r.country, count: n(r.count) });
  }
  return rows;
}

/** Net sales per UTC day (or hour) and currency across the scope's events. */
export async function salesByDayAndCurrency(
  db: DbOrTx,
  range: SalesRange,
  scope: EventScope,
  granularity: 'day' | 'hour',
): Promise<{ label: string; currency: string; orders: number; net: number }[]> {
  const result = new Map<string, { label: string; currency: string; orders: number; net: number }>();
  const add = (
    rows: { label: string; currency: string; orders: number | string; net: number | string }[],
  ) => {
    for (const r of rows)
      mergeInto(
        result,
        `${r.label}|${r.currency}`,
        { label: r.label, currency: r.currency, orders: n(r.orders), net: n(r.net) },
        (a, b) => ({ ...a, orders: a.orders + b.orders, net: a.net + b.net }),
      );
  };
  // Hourly figures cover under two days: few enough orders to sum directly.
  const { whole, edges } = granularity === 'day' ? splitRange(range, 'day') : { whole: null, edges: [range] };
  if (whole) {
    add(
      await rollupRows(db, 'sales_by_day', whole, scope)
        .select([
          'day as label',
          'currency',
          sql<number>`sum(orders)`.as('orders'),
          sql<number>`sum(subtotal - discount - refunded)`.as('net'),
        ])
        .groupBy(['day', 'currency'])
        .execute(),
    );
  }
  const label =
    granularity === 'day'
      ? sql<string>`substr(orders.paid_at, 1, 10)`
      : sql<string>`substr(orders.paid_at, 1, 13)`;
  for (const edge of edges) {
    add(
      await soldOrders(db, edge, scope)
        .select([
          label.as('label'),
          'orders.currency',
          sql<number>`count(*)`.as('orders'),
          sql<number>`sum(orders.subtotal - orders.discount - orders.refunded_amount)`.as('net'),
        ])
        .groupBy([label, 'orders.currency'])
        .execute(),
    );
  }
  return [...result.values()].sort(
    (a, b) => a.label.localeCompare(b.label) || a.currency.localeCompare(b.currency),
  );
}
