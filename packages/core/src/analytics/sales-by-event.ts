import type { DbOrTx } from '../db/database';
import { toMajorUnits } from '../shared/money';
import { addSums, NO_SALES, revenueView, type RevenueView, type SalesSums } from './money-figures';
import { type Granularity } from './sales-over-time';
import {
  checkInCounts,
  NO_TICKETS,
  salesByDayAndCurrency,
  soldMoney,
  soldTicketCounts,
  totalMoney,
  type EventScope,
  type TicketSums,
} from './sales-queries';
import type { SalesRange } from './sales-range';

export interface EventSales {
  money: SalesSums;
  tickets: TicketSums;
  checkedIn: number;
}

export const NO_EVENT_SALES: EventSales = { money: NO_SALES, tickets: NO_TICKETS, checkedIn: 0 };

/** Sold orders' money, kept tickets and check-ins per event in the range. */
export async function salesByEvent(
  db: DbOrTx,
  range: SalesRange,
  scope: EventScope,
): Promise<{ sales: Map<string, EventSales>; firstSale: string | null; lastSale: string | null }> {
  const [money, tickets, checkIns] = await Promise.all([
    soldMoney(db, range, scope, 'event'),
    soldTicketCounts(db, range, scope, 'event'),
    checkInCounts(db, range, scope),
  ]);
  const sales = new Map<string, EventSales>();
  for (const id of new Set([...money.keys(), ...tickets.keys()])) {
    sales.set(id, {
      money: money.get(id) ?? NO_SALES,
      tickets: tickets.get(id) ?? NO_TICKETS,
      checkedIn: checkIns.get(id) ?? 0,
    });
  }
  const all = totalMoney(money);
  return { sales, firstSale: all.first, lastSale: all.last };
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
  scope: EventScope,
  granularity: Granularity,
): Promise<CurrencySalesPoint[]> {
  const rows = await salesByDayAndCurrency(db, range, scope, granularity);
  return rows.map((r) => ({
    date: granularity === 'day' ? r.label : `${r.label}:00`,
    currency: r.currency,
    orders: r.orders,
    revenue: toMajorUnits(r.net, r.currency),
  }));
}
