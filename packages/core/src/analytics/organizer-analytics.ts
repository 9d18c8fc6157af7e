import type { CoreDeps } from '../shared/core-deps';
import type { EventStatus } from '../db/schema';
import { requireRole, type Actor } from '../shared/actor';
import { capacityOf, currentCounters, type CapacityView } from './capacity';
import { ratio, revenueView, type RevenueView } from './money-figures';
import {
  revenueByCurrency,
  salesByEvent,
  salesOverTimeByCurrency,
  type CurrencyRevenue,
  type CurrencySalesPoint,
  type EventSales,
  NO_EVENT_SALES,
} from './sales-by-event';
import { granularityOf, type Granularity } from './sales-over-time';
import { salesRange, type SalesRangeInput } from './sales-range';
import { taxTotals, type TaxTotal } from './tax-totals';

export interface SalesTotals {
  events: number;
  orders: number;
  ticketsSold: number;
  checkIns: number;
  checkInRate: number;
  /** One entry per currency sold in: amounts of different currencies are never added. */
  revenue: CurrencyRevenue[];
}

export interface OrganizerEventRow {
  eventId: string;
  name: string;
  status: EventStatus;
  startsAt: string | null;
  currency: string;
  orders: number;
  ticketsSold: number;
  revenue: RevenueView;
  capacity: CapacityView;
  checkIns: { count: number; rate: number };
}

export interface OrganizerAnalytics {
  organizerId: string;
  from: string | null;
  to: string | null;
  granularity: Granularity;
  totals: SalesTotals;
  events: OrganizerEventRow[];
  salesOverTime: CurrencySalesPoint[];
  /** Net and tax per currency and rate (percent) over every event, refunds netted. */
  taxes: TaxTotal[];
}

/** Totals of events summed per currency; shared by the organizer and platform views. */
export function salesTotals(events: { currency: string; sales: EventSales }[]): SalesTotals {
  const orders = events.reduce((n, e) => n + e.sales.money.orders, 0);
  const sold = events.reduce((n, e) => n + e.sales.tickets.sold, 0);
  const checkIns = events.reduce((n, e) => n + e.sales.checkedIn, 0);
  return {
    events: events.length,
    orders,
    ticketsSold: sold,
    checkIns,
    checkInRate: ratio(checkIns, sold),
    revenue: revenueByCurrency(events.map((e) => ({ currency: e.currency, money: e.sales.money }))),
  };
}

/** The acting organizer's figures over the range: totals and one row per event (drafts included). */
export async function getOrganizerAnalytics(
  deps: CoreDeps,
  actor: Actor,
  input: SalesRangeInput,
): Promise<OrganizerAnalytics> {
  requireRole(actor, ['organizer']);
  const range = salesRange(input);
  const { db } = deps;
  const [rows, { sales, firstSale, lastSale }] = await Promise.all([
    db
      .selectFrom('events')
      .select(['id', 'name', 'status', 'starts_at', 'currency', 'capacity', 'sold', 'held'])
      .where('organizer_id', '=', actor.userId)
      .orderBy('starts_at', 'desc')
      .orderBy('created_at', 'desc')
      .execute(),
    salesByEvent(db, range, { organizerId: actor.userId }),
  ]);
  const granularity = granularityOf(range, firstSale, lastSale);
  const [counters, salesOverTime, taxes] = await Promise.all([
    currentCounters(db, rows, deps.clock.now()),
    salesOverTimeByCurrency(db, range, { organizerId: actor.userId }, granularity),
    taxTotals(db, range, { organizerId: actor.userId }),
  ]);
  const events = counters.events.map((event) => ({
    event,
    currency: event.currency,
    sales: sales.get(event.id) ?? NO_EVENT_SALES,
  }));
  return {
    organizerId: actor.userId,
    from: range.from,
    to: range.to,
    granularity,
    totals: salesTotals(events),
    events: events.map(({ event, sales: s }) => ({
      eventId: event.id,
      name: event.name,
      status: event.status,
      startsAt: event.starts_at,
      currency: event.currency,
      orders: s.money.orders,
      ticketsSold: s.tickets.sold,
      revenue: revenueView(s.money, event.currency),
      capacity: capacityOf(event, counters.tiers.get(event.id) ?? []),
      checkIns: { count: s.checkedIn, rate: ratio(s.checkedIn, s.tickets.sold) },
    })),
    salesOverTime,
    taxes,
  };
}
