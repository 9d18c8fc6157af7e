import type { CoreDeps } from '../shared/core-deps';
import { findManagedEvent } from '../events/event-access';
import { toMajorUnits } from '../shared/money';
import type { Actor } from '../shared/actor';
import { capacityOf, currentCounters, type CapacityView } from './capacity';
import { demographicsOf, type Demographics } from './demographics';
import { NO_SALES, ratio, revenueView, type RevenueView } from './money-figures';
import { foldSales, granularityOf, onWholeHours, type Granularity } from './sales-over-time';
import {
  addTicketSums,
  attendeeCounts,
  checkInCounts,
  NO_TICKETS,
  quarterHourSales,
  soldMoney,
  soldTicketCounts,
  totalMoney,
} from './sales-queries';
import { salesRange, type SalesRangeInput } from './sales-range';
import { questionCounts, type QuestionCounts } from './question-counts';
import { taxTotals } from './tax-totals';

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
  /** How buyers answered the event's questions (counts per option). */
  questions: QuestionCounts[];
  /** Net and tax per rate (percent), refunds netted. */
  taxes: { rate: number; net: number; tax: number }[];
}

/**
 * One event's figures for its organizer or an admin (anyone else: 404), summed in SQL over the
 * orders and tickets sold in the range. Money is exact: every amount is a sum of integer minor
 * units, converted once at the end; `net = gross − discounts − refunds` and the tiers' revenue
 * and the sales over time each add up to `net`.
 */
export async function getEventAnalytics(
  deps: CoreDeps,
  actor: Actor,
  eventId: string,
  input: SalesRangeInput,
): Promise<EventAnalytics> {
  const range = salesRange(input);
  const { db } = deps;
  const event = await findManagedEvent(db, actor, eventId);
  const scope = { eventId: event.id };
  const [byPromo, byTier, checkIns, promotions, counters] = await Promise.all([
    soldMoney(db, range, scope, 'promo'),
    soldTicketCounts(db, range, scope, 'tier'),
    checkInCounts(db, range, scope),
    db
      .selectFrom('promotions')
      .select(['id', 'code', 'code_key', 'kind'])
      .where('event_id', '=', event.id)
      .orderBy('created_at')
      .execute(),
    currentCounters(db, [event], deps.clock.now()),
  ]);
  const money = totalMoney(byPromo);
  const granularity = granularityOf(range, money.first, money.last);
  const [overTime, people, questions, taxes] = await Promise.all([
    quarterHourSales(
      db,
      range,
      event.id,
      onWholeHours(event.timezone, range.from ?? money.first, range.to ?? money.last),
    ),
    attendeeCounts(db, range, event.id),
    questionCounts(db, range, event.id),
    taxTotals(db, range, scope),
  ]);
  const tickets = [...byTier.values()].reduce(addTicketSums, NO_TICKETS);
  const checkedIn = [...checkIns.values()].reduce((sum, count) => sum + count, 0);
  const tiers = counters.tiers.get(event.id) ?? [];
  const major = (minor: number) => toMajorUnits(minor, event.currency);

  const usesByCode = new Map([...byPromo].filter(([code]) => code !== ''));
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
      const sums = byTier.get(tier.id) ?? NO_TICKETS;
      return {
        ticketTypeId: tier.id,
        name: tier.name,
        price: major(tier.price),
        limit: tier.quantity_limit,
        sold: sums.sold,
        refunded: sums.refunded,
        revenue: major(sums.revenue),
      };
    }),
    salesOverTime: foldSales(overTime, event.timezone, granularity, range).map((p) => ({
      date: p.date,
      tickets: p.tickets,
      revenue: major(p.revenue),
    })),
    demographics: demographicsOf(people),
    promotions: [...listed, ...removed],
    checkIns: { count: checkedIn, rate: ratio(checkedIn, tickets.sold) },
    questions,
    taxes: taxes.map(({ rate, net, tax }) => ({ rate, net, tax })),
  };
}
