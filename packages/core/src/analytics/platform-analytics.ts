import type { CoreDeps } from '../shared/core-deps';
import { sql } from 'kysely';
import type { Role } from '../db/schema';
import { toMajorUnits } from '../shared/money';
import { requireRole, type Actor } from '../shared/actor';
import { NotFoundError } from '../shared/errors';
import { groupBy } from './group-by';
import { salesTotals, type SalesTotals } from './organizer-analytics';
import {
  revenueByCurrency,
  salesByEvent,
  salesOverTimeByCurrency,
  type CurrencyRevenue,
  type CurrencySalesPoint,
  NO_EVENT_SALES,
} from './sales-by-event';
import { granularityOf, type Granularity } from './sales-over-time';
import { salesRange, type SalesRangeInput } from './sales-range';

/** Organizers and top events listed at most; the totals still cover every one. */
export const PLATFORM_ROWS = 50;

export interface PlatformAnalytics {
  from: string | null;
  to: string | null;
  organizerId: string | null;
  granularity: Granularity;
  totals: SalesTotals & { organizers: number };
  newUsers: { total: number; byRole: { role: Role; count: number }[] };
  byOrganizer: {
    organizerId: string;
    name: string;
    email: string;
    events: number;
    orders: number;
    ticketsSold: number;
    revenue: CurrencyRevenue[];
  }[];
  topEvents: {
    eventId: string;
    name: string;
    organizerId: string;
    organizerName: string;
    currency: string;
    ticketsSold: number;
    net: number;
  }[];
  salesOverTime: CurrencySalesPoint[];
}

/**
 * The platform's figures for admins over the range (optionally one organizer's): totals per
 * currency, new users, organizers and top events by tickets sold.
 */
export async function getPlatformAnalytics(
  deps: CoreDeps,
  actor: Actor,
  input: SalesRangeInput & { organizerId?: string | undefined },
): Promise<PlatformAnalytics> {
  requireRole(actor, ['admin']);
  const range = salesRange(input);
  const { db } = deps;
  const organizerId = input.organizerId ?? null;
  const scope = organizerId ? { organizerId } : { all: true as const };
  if (organizerId) {
    const found = await db
      .selectFrom('users')
      .select('id')
      .where('id', '=', organizerId)
      .where('role', '=', 'organizer')
      .executeTakeFirst();
    if (!found) throw new NotFoundError('Organizer');
  }
  const [events, organizers, { sales, firstSale, lastSale }, users] = await Promise.all([
    db
      .selectFrom('events')
      .select(['id', 'name', 'organizer_id', 'currency'])
      .$if(organizerId !== null, (qb) => qb.where('organizer_id', '=', organizerId!))
      .execute(),
    db
      .selectFrom('users')
      .select(['id', 'name', 'email'])
      .where('role', '=', 'organizer')
      .$if(organizerId !== null, (qb) => qb.where('id', '=', organizerId!))
      .execute(),
    salesByEvent(db, range, scope),
    db
      .selectFrom('users')
      .select(['role', sql<number>`count(*)`.as('count')])
      .$if(range.from !== null, (qb) => qb.where('created_at', '>=', range.from!))
      .$if(range.to !== null, (qb) => qb.where('created_at', '<', range.to!))
      .groupBy('role')
      .execute(),
  ]);
  const granularity = granularityOf(range, firstSale, lastSale);
  const salesOverTime = await salesOverTimeByCurrency(db, range, scope, granularity);

  const withSales = events.map((event) => ({
    event,
    currency: event.currency,
    sales: sales.get(event.id) ?? NO_EVENT_SALES,
  }));
  const organizerNames = new Map(organizers.map((o) => [o.id, o]));
  const eventsOf = groupBy(withSales, (e) => e.event.organizer_id);
  const byOrganizer = organizers
    .map((o) => {
      const own = eventsOf.get(o.id) ?? [];
      return {
        organizerId: o.id,
        name: o.name,
        email: o.email,
        events: own.length,
        orders: own.reduce((n, e) => n + e.sales.money.orders, 0),
        ticketsSold: own.reduce((n, e) => n + e.sales.tickets.sold, 0),
        revenue: revenueByCurrency(own.map((e) => ({ currency: e.currency, money: e.sales.money }))),
      };
    })
    .sort((a, b) => b.ticketsSold - a.ticketsSold || b.orders - a.orders || a.name.localeCompare(b.name));
  const topEvents = withSales
    .filter((e) => e.sales.money.orders > 0)
    .sort(
      (a, b) =>
        b.sales.tickets.sold - a.sales.tickets.sold || b.sales.tickets.revenue - a.sales.tickets.revenue,
    )
    .slice(0, PLATFORM_ROWS)
    .map(({ event, sales: s }) => ({
      eventId: event.id,
      name: event.name,
      organizerId: event.organizer_id,
      organizerName: organizerNames.get(event.organizer_id)?.name ?? '',
      currency: event.currency,
      ticketsSold: s.tickets.sold,
      net: toMajorUnits(s.money.subtotal - s.money.discount - s.money.refunded, event.currency),
    }));
  const byRole = users
    .map((u) => ({ role: u.role, count: Number(u.count) }))
    .sort((a, b) => b.count - a.count);
  return {
    from: range.from,
    to: range.to,
    organizerId,
    granularity,
    totals: { ...salesTotals(withSales), organizers: organizers.length },
    newUsers: { total: byRole.reduce((n, r) => n + r.count, 0), byRole },
    byOrganizer: byOrganizer.slice(0, PLATFORM_ROWS),
    topEvents,
    salesOverTime,
  };
}
