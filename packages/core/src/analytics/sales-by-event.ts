import { sql } from 'kysely';
import type { DbOrTx } from '../db/database';
import { toMajorUnits } from '../events/money';
import {
  addSums,
  NO_SALES,
  revenueView,
  salesSumsOf,
  type RevenueView,
  type SalesSums,
} from './money-figures';
import { type Granularity } from './sales-over-time';
import {
  NO_TICKETS,
  salesSumColumns,
  soldOrders,
  soldTickets,
  ticketSumColumns,
  ticketSumsOf,
  type TicketSums,
} from './sales-queries';
import type { SalesRange } from './sales-range';

export interface EventSales {
  money: SalesSums;
  tickets: TicketSums;
}

/** Which events to sum: one organizer's (their id), or every event on the platform (null). */
export type OrganizerScope = string | null;

function organizerEvents(db: DbOrTx, organizerId: string) {
  return db.selectFrom('events').select('events.id').where('events.organizer_id', '=', organizerId);
}

/** Sold orders' money and kept tickets per event in the range: two grouped index scans. */
export async function salesByEvent(
  db: DbOrTx,
  range: SalesRange,
  scope: OrganizerScope,
): Promise<{ sales: Map<string, EventSales>; firstSale: string | null; lastSale: string | null }> {
  const [money, tickets] = await Promise.all([
    soldOrders(db, range)
      .$if(scope !== null, (qb) => qb.where('orders.event_id', 'in', organizerEvents(db, scope!)))
      .select('orders.event_id')
      .select(salesSumColumns)
      .select([sql<string>`min(orders.paid_at)`.as('first'), sql<string>`max(orders.paid_at)`.as('last')])
      .groupBy('orders.event_id')
      .execute(),
    soldTickets(db, range)
      .$if(scope !== null, (qb) => qb.where('tickets.event_id', 'in', organizerEvents(db, scope!)))
      .select('tickets.event_id')
      .select(ticketSumColumns)
      .groupBy('tickets.event_id')
      .execute(),
  ]);
  const sales = new Map<string, EventSales>();
  let firstSale: string | null = null;
  let lastSale: string | null = null;
  for (const row of money) {
    sales.set(row.event_id, { money: salesSumsOf(row), tickets: NO_TICKETS });
    if (!firstSale || row.first < firstSale) firstSale = row.first;
    if (!lastSale || row.last > lastSale) lastSale = row.last;
  }
  for (const row of tickets) {
    const entry = sales.get(row.event_id) ?? { money: NO_SALES, tickets: NO_TICKETS };
    sales.set(row.event_id, { ...entry, tickets: ticketSumsOf(row) });
  }
  return { sales, firstSale, lastSale };
}

export interface CurrencyRevenue extends RevenueView {
  currency: string;
}

/** Money cannot be added across currencies: one total per currency, largest net first. */
export function revenueByCurrency(entries: { currency: string; money: SalesSums }[]): CurrencyRevenue[] {
  const sums = new Map<string, SalesSums>();
  for (const e of entries) sums.set(e.currency, addSums(sums.get(e.currency) ?? NO_SALES, e.money));
  return [...sums]
    .map(([currency, money]) => ({ currency, net: money.subtotal - money.discount - money.refunded, money }))
    .sort((a, b) => b.net - a.net || a.currency.localeCompare(b.currency))
    .map(({ currency, money }) => ({ currency, ...revenueView(money, currency) }));
}

export interface CurrencySalesPoint {
  date: string;
  currency: string;
  orders: number;
  revenue: number;
}

/**
 * Net sales per UTC day (or hour) and currency across many events, which may each have their own
 * timezone: the one calendar they share is UTC.
 */
export async function salesOverTimeByCurrency(
  db: DbOrTx,
  range: SalesRange,
  scope: OrganizerScope,
  granularity: Granularity,
): Promise<CurrencySalesPoint[]> {
  const label =
    granularity === 'day'
      ? sql<string>`substr(orders.paid_at, 1, 10)`
      : sql<string>`substr(orders.paid_at, 1, 13)`;
  const rows = await soldOrders(db, range)
    .$if(scope !== null, (qb) => qb.where('orders.event_id', 'in', organizerEvents(db, scope!)))
    .select([
      label.as('label'),
      'orders.currency',
      sql<number>`count(*)`.as('orders'),
      sql<number>`sum(orders.subtotal - orders.discount - orders.refunded_amount)`.as('net'),
    ])
    .groupBy([label, 'orders.currency'])
    .orderBy(label)
    .execute();
  return rows.map((r) => ({
    date: granularity === 'day' ? r.label : `${r.label}:00`,
    currency: r.currency,
    orders: Number(r.orders),
    revenue: toMajorUnits(Number(r.net), r.currency),
  }));
}
