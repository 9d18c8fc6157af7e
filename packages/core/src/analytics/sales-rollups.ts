import { sql, type Kysely } from 'kysely';
import type { DbOrTx } from '../db/database';
import type { Database, OrderRow, TicketRow } from '../db/schema';
import { groupBy } from './group-by';

// Running totals of sales per event and UTC day (quarter hour for sales over time), written in the
// transactions that sell and refund, so analytics sum a few hundred rows instead of every order.
// Check-ins are not kept here: every door scan would contend for one row (see checkInCounts).

type RollupTable =
  'sales_by_day' | 'tickets_by_day' | 'tickets_by_quarter' | 'attendees_by_day' | 'taxes_by_day';

export const dayOf = (iso: string): string => iso.slice(0, 10);

/** 'YYYY-MM-DDTHH:MM' of the quarter hour an ISO instant falls in. */
export function quarterOf(iso: string): string {
  return `${iso.slice(0, 14)}${String(Math.floor(Number(iso.slice(14, 16)) / 15) * 15).padStart(2, '0')}`;
}

/**
 * Adds `rows` to a rollup table: new keys are inserted, existing ones summed column by column.
 * Rows must have distinct keys (PostgreSQL refuses to update one row twice in one statement).
 */
async function addTo(
  db: DbOrTx,
  table: RollupTable,
  keys: string[],
  sums: string[],
  rows: Record<string, string | number>[],
): Promise<void> {
  if (rows.length === 0) return;
  const set: Record<string, unknown> = Object.fromEntries(
    sums.map((c) => [c, sql`${sql.ref(`${table}.${c}`)} + excluded.${sql.ref(c)}`]),
  );
  if (table === 'sales_by_day') {
    set.first_sale = sql`case when excluded.first_sale < sales_by_day.first_sale then excluded.first_sale else sales_by_day.first_sale end`;
    set.last_sale = sql`case when excluded.last_sale > sales_by_day.last_sale then excluded.last_sale else sales_by_day.last_sale end`;
  }
  await db
    .insertInto(table)
    .values(rows as never)
    .onConflict((oc) => oc.columns(keys as never).doUpdateSet(set as never))
    .execute();
}

const priceOf = (tickets: Pick<TicketRow, 'price_paid'>[]) => tickets.reduce((s, t) => s + t.price_paid, 0);

type SoldOrder = Pick<OrderRow, 'event_id' | 'paid_at' | 'promo_code' | 'currency' | 'subtotal' | 'discount'>;
type SoldTicket = Pick<
  TicketRow,
  'ticket_type_id' | 'price_paid' | 'age_range' | 'country' | 'created_at' | 'tax_rate' | 'tax'
>;

/** Tickets' share of the rollups, with `sign` −1 taking them out again (a refund). */
async function addTickets(db: DbOrTx, eventId: string, tickets: SoldTicket[], sign: 1 | -1): Promise<void> {
  for (const [day, ofDay] of groupBy(tickets, (t) => dayOf(t.created_at))) {
    await addTo(
      db,
      'tickets_by_day',
      ['event_id', 'day', 'ticket_type_id'],
      ['sold', 'refunded', 'revenue'],
      [...groupBy(ofDay, (t) => t.ticket_type_id)].map(([tierId, own]) => ({
        event_id: eventId,
        day,
        ticket_type_id: tierId,
        sold: sign * own.length,
        refunded: sign === 1 ? 0 : own.length,
        revenue: sign * priceOf(own),
      })),
    );
    await addTo(
      db,
      'attendees_by_day',
      ['event_id', 'day', 'age_range', 'country'],
      ['attendees'],
      [...groupBy(ofDay, (t) => `${t.age_range ?? ''}|${t.country ?? ''}`)].map(([, own]) => ({
        event_id: eventId,
        day,
        age_range: own[0]!.age_range ?? '',
        country: own[0]!.country ?? '',
        attendees: sign * own.length,
      })),
    );
    await addTo(
      db,
      'taxes_by_day',
      ['event_id', 'day', 'tax_rate'],
      ['net', 'tax'],
      [...groupBy(ofDay, (t) => String(t.tax_rate))].map(([rate, own]) => {
        const tax = own.reduce((s, t) => s + t.tax, 0);
        return {
          event_id: eventId,
          day,
          tax_rate: Number(rate),
          net: sign * (priceOf(own) - tax),
          tax: sign * tax,
        };
      }),
    );
  }
  await addTo(
    db,
    'tickets_by_quarter',
    ['event_id', 'quarter'],
    ['tickets', 'revenue'],
    [...groupBy(tickets, (t) => quarterOf(t.created_at))].map(([quarter, own]) => ({
      event_id: eventId,
      quarter,
      tickets: sign * own.length,
      revenue: sign * priceOf(own),
    })),
  );
}

function orderMoney(
  order: SoldOrder,
  counts: { orders: number; subtotal: number; discount: number; refunded: number },
) {
  return {
    event_id: order.event_id,
    day: dayOf(order.paid_at!),
    promo_code: order.promo_code ?? '',
    currency: order.currency,
    ...counts,
    first_sale: order.paid_at!,
    last_sale: order.paid_at!,
  };
}

const MONEY_KEYS = ['event_id', 'day', 'promo_code'];
const MONEY_SUMS = ['orders', 'subtotal', 'discount', 'refunded'];

/** A paid order and the tickets just issued for it. */
export async function recordSale(db: DbOrTx, order: SoldOrder, tickets: SoldTicket[]): Promise<void> {
  await addTo(db, 'sales_by_day', MONEY_KEYS, MONEY_SUMS, [
    orderMoney(order, { orders: 1, subtotal: order.subtotal, discount: order.discount, refunded: 0 }),
  ]);
  await addTickets(db, order.event_id, tickets, 1);
}

/** A paid order refunded in full before any ticket was issued (paid after its seats were gone). */
export async function recordUnfilledSale(
  db: DbOrTx,
  order: SoldOrder & Pick<OrderRow, 'total'>,
): Promise<void> {
  await addTo(db, 'sales_by_day', MONEY_KEYS, MONEY_SUMS, [
    orderMoney(order, {
      orders: 1,
      subtotal: order.subtotal,
      discount: order.discount,
      refunded: order.total,
    }),
  ]);
}

/** `amount` paid back for `tickets` (as they were before the refund voided them). */
export async function recordRefund(
  db: DbOrTx,
  order: SoldOrder,
  tickets: SoldTicket[],
  amount: number,
): Promise<void> {
  await addTo(db, 'sales_by_day', MONEY_KEYS, MONEY_SUMS, [
    orderMoney(order, { orders: 0, subtotal: 0, discount: 0, refunded: amount }),
  ]);
  await addTickets(db, order.event_id, tickets, -1);
}

/**
 * Recomputes every rollup from the orders and tickets: after a bulk import that wrote orders
 * directly, and in tests that check the running totals against a recount. (Migration 005 keeps a
 * frozen copy of its own.)
 */
export async function rebuildSalesRollups(db: Kysely<Database> | Kysely<unknown>): Promise<void> {
  for (const table of [
    'sales_by_day',
    'tickets_by_day',
    'tickets_by_quarter',
    'attendees_by_day',
    'taxes_by_day',
  ])
    await sql`DELETE FROM ${sql.table(table)}`.execute(db);
  await sql`INSERT INTO sales_by_day (event_id, day, promo_code, currency, orders, subtotal, discount, refunded, first_sale, last_sale)
    SELECT event_id, substr(paid_at, 1, 10), coalesce(promo_code, ''), currency, count(*), sum(subtotal), sum(discount),
      sum(refunded_amount), min(paid_at), max(paid_at)
    FROM orders WHERE paid_at IS NOT NULL
    GROUP BY event_id, substr(paid_at, 1, 10), coalesce(promo_code, ''), currency`.execute(db);
  await sql`INSERT INTO tickets_by_day (event_id, day, ticket_type_id, sold, refunded, revenue)
    SELECT event_id, substr(created_at, 1, 10), ticket_type_id,
      sum(case when status <> 'void' then 1 else 0 end), sum(case when status = 'void' then 1 else 0 end),
      sum(case when status <> 'void' then price_paid else 0 end)
    FROM tickets GROUP BY event_id, substr(created_at, 1, 10), ticket_type_id`.execute(db);
  const quarter = sql`substr(created_at, 1, 14) || case
      when cast(substr(created_at, 15, 2) as integer) < 15 then '00'
      when cast(substr(created_at, 15, 2) as integer) < 30 then '15'
      when cast(substr(created_at, 15, 2) as integer) < 45 then '30' else '45' end`;
  await sql`INSERT INTO tickets_by_quarter (event_id, quarter, tickets, revenue)
    SELECT event_id, ${quarter}, count(*), sum(price_paid)
    FROM tickets WHERE status <> 'void' GROUP BY event_id, ${quarter}`.execute(db);
  await sql`INSERT INTO attendees_by_day (event_id, day, age_range, country, attendees)
    SELECT event_id, substr(created_at, 1, 10), coalesce(age_range, ''), coalesce(country, ''), count(*)
    FROM tickets WHERE status <> 'void'
    GROUP BY event_id, substr(created_at, 1, 10), coalesce(age_range, ''), coalesce(country, '')`.execute(db);
  await sql`INSERT INTO taxes_by_day (event_id, day, tax_rate, net, tax)
    SELECT event_id, substr(created_at, 1, 10), tax_rate, sum(price_paid - tax), sum(tax)
    FROM tickets WHERE status <> 'void' GROUP BY event_id, substr(created_at, 1, 10), tax_rate`.execute(db);
}
