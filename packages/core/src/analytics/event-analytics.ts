import { sql } from 'kysely';
import type { Db } from '../db/database';
import { findManagedEvent } from '../events/event-access';
import { toMajorUnits } from '../events/money';
import type { Actor } from '../identity/actor';
import type { Clock } from '../shared/clock';
import { capacityOf, currentCounters, type CapacityView } from './capacity';
import { demographicsOf, type Demographics } from './demographics';
import { addSums, NO_SALES, ratio, revenueView, salesSumsOf, type RevenueView } from './money-figures';
import { foldSales, granularityOf, quarterHourOf, type Granularity } from './sales-over-time';
import {
  salesSumColumns,
  soldOrders,
  soldTickets,
  ticketSumColumns,
  ticketSumsOf,
  addTicketSums,
  NO_TICKETS,
} from './sales-queries';
import { salesRange, type SalesRangeInput } from './sales-range';

export interface EventAnalytics {
  eventId: string;
  name: string;
  currency: string;
  timezone: string;
  from: string | null;
  to: string | null;
  granularity: Granularity;
  revenue: RevenueView;
  orders: number;
  ticketsSold: number;
  capacity: CapacityView;
  byTicketType: {
    ticketTypeId: string;
    name: string;
    price: number;
    limit: number;
    sold: number;
    refunded: number;
    checkedIn: number;
    revenue: number;
  }[];
  salesOverTime: { date: string; tickets: number; revenue: number }[];
  demographics: Demographics;
  promotions: {
    promotionId: string | null;
    code: string;
    kind: string | null;
    uses: number;
    discount: number;
  }[];
  checkIns: { count: number; rate: number };
}

/**
 * One event's figures for its organizer or an admin (anyone else: 404), summed in SQL over the
 * orders and tickets sold in the range. Money is exact: every amount is a sum of integer minor
 * units, converted once at the end; `net = gross − discounts − refunds` and the tiers' revenue
 * and the sales over time each add up to `net`.
 */
export async function getEventAnalytics(
  deps: { db: Db; clock: Clock },
  actor: Actor,
  eventId: string,
  input: SalesRangeInput,
): Promise<EventAnalytics> {
  const range = salesRange(input);
  const { db } = deps;
  const event = await findManagedEvent(db, actor, eventId);
  const { hour, quarter } = quarterHourOf('tickets.created_at');

  const [byPromo, byTier, overTime, people, promotions, counters] = await Promise.all([
    soldOrders(db, range)
      .where('orders.event_id', '=', event.id)
      .select('orders.promo_code')
      .select(salesSumColumns)
      .select([sql<string>`min(orders.paid_at)`.as('first'), sql<string>`max(orders.paid_at)`.as('last')])
      .groupBy('orders.promo_code')
      .execute(),
    soldTickets(db, range)
      .where('tickets.event_id', '=', event.id)
      .select('tickets.ticket_type_id')
      .select(ticketSumColumns)
      .groupBy('tickets.ticket_type_id')
      .execute(),
    soldTickets(db, range)
      .where('tickets.event_id', '=', event.id)
      .where('tickets.status', '<>', 'void')
      .select([
        hour.as('hour'),
        quarter.as('quarter'),
        sql<number>`count(*)`.as('tickets'),
        sql<number>`sum(tickets.price_paid)`.as('revenue'),
      ])
      .groupBy([hour, quarter])
      .execute(),
    soldTickets(db, range)
      .where('tickets.event_id', '=', event.id)
      .where('tickets.status', '<>', 'void')
      .select(['tickets.age_range', 'tickets.country', sql<number>`count(*)`.as('count')])
      .groupBy(['tickets.age_range', 'tickets.country'])
      .execute(),
    db
      .selectFrom('promotions')
      .select(['id', 'code', 'code_key', 'kind'])
      .where('event_id', '=', event.id)
      .orderBy('created_at')
      .execute(),
    currentCounters(db, [event], deps.clock.now()),
  ]);

  const money = byPromo.map(salesSumsOf).reduce(addSums, NO_SALES);
  const tierSums = new Map(byTier.map((row) => [row.ticket_type_id, ticketSumsOf(row)]));
  const tickets = [...tierSums.values()].reduce(addTicketSums, NO_TICKETS);
  const firstSale = byPromo.reduce<string | null>((m, r) => (!m || r.first < m ? r.first : m), null);
  const lastSale = byPromo.reduce<string | null>((m, r) => (!m || r.last > m ? r.last : m), null);
  const granularity = granularityOf(range, firstSale, lastSale);
  const tiers = counters.tiers.get(event.id) ?? [];
  const major = (minor: number) => toMajorUnits(minor, event.currency);

  const usesByCode = new Map(byPromo.filter((r) => r.promo_code).map((r) => [r.promo_code!, salesSumsOf(r)]));
  const listed = promotions.map((p) => {
    const sums = usesByCode.get(p.code_key) ?? NO_SALES;
    usesByCode.delete(p.code_key);
    return {
      promotionId: p.id,
      code: p.code,
      kind: p.kind,
      uses: sums.orders,
      discount: major(sums.discount),
    };
  });
  // Codes used by sold orders but since removed still took money off: list them too.
  const removed = [...usesByCode].map(([code, sums]) => ({
    promotionId: null,
    code,
    kind: null,
    uses: sums.orders,
    discount: major(sums.discount),
  }));

  return {
    eventId: event.id,
    name: event.name,
    currency: event.currency,
    timezone: event.timezone,
    from: range.from,
    to: range.to,
    granularity,
    revenue: revenueView(money, event.currency),
    orders: money.orders,
    ticketsSold: tickets.sold,
    capacity: capacityOf(counters.events[0]!, tiers),
    byTicketType: tiers.map((tier) => {
      const sums = tierSums.get(tier.id) ?? NO_TICKETS;
      return {
        ticketTypeId: tier.id,
        name: tier.name,
        price: major(tier.price),
        limit: tier.quantity_limit,
        sold: sums.sold,
        refunded: sums.refunded,
        checkedIn: sums.checkedIn,
        revenue: major(sums.revenue),
      };
    }),
    salesOverTime: foldSales(
      overTime.map((r) => ({
        hour: r.hour,
        quarter: Number(r.quarter),
        tickets: Number(r.tickets),
        revenue: Number(r.revenue),
      })),
      event.timezone,
      granularity,
      range,
    ).map((p) => ({ date: p.date, tickets: p.tickets, revenue: major(p.revenue) })),
    demographics: demographicsOf(people.map((r) => ({ ...r, count: Number(r.count) }))),
    promotions: [...listed, ...removed],
    checkIns: { count: tickets.checkedIn, rate: ratio(tickets.checkedIn, tickets.sold) },
  };
}
