import { csvTable } from './csv';
import type { EventAnalytics } from './event-analytics';
import type { OrganizerAnalytics } from './organizer-analytics';

export const EVENT_TABLES = ['ticket-types', 'sales-over-time', 'demographics', 'promotions'] as const;
export type EventTable = (typeof EVENT_TABLES)[number];

/** One table of an event's analytics as CSV, the same figures the dashboard shows. */
export function eventTableCsv(analytics: EventAnalytics, table: EventTable): string {
  const { currency } = analytics;
  switch (table) {
    case 'ticket-types':
      return csvTable(
        ['ticket_type', 'price', 'limit', 'sold', 'refunded', 'revenue', 'currency'],
        analytics.byTicketType.map((t) => [
          t.name,
          t.price,
          t.limit,
          t.sold,
          t.refunded,
          t.revenue,
          currency,
        ]),
      );
    case 'sales-over-time':
      return csvTable(
        [analytics.granularity === 'day' ? 'date' : 'hour', 'tickets', 'revenue', 'currency'],
        analytics.salesOverTime.map((p) => [p.date, p.tickets, p.revenue, currency]),
      );
    case 'demographics':
      return csvTable(
        ['dimension', 'key', 'count'],
        [
          ...analytics.demographics.ageRange.map((b) => ['age_range', b.key, b.count]),
          ...analytics.demographics.country.map((b) => ['country', b.key, b.count]),
        ],
      );
    case 'promotions':
      return csvTable(
        ['code', 'kind', 'uses', 'discount', 'currency'],
        analytics.promotions.map((p) => [p.code, p.kind, p.uses, p.discount, currency]),
      );
  }
}

/** The organizer's one row per event as CSV. */
export function organizerEventsCsv(analytics: OrganizerAnalytics): string {
  return csvTable(
    [
      'event',
      'status',
      'starts_at',
      'currency',
      'orders',
      'tickets_sold',
      'gross',
      'discounts',
      'refunds',
      'net',
      'capacity',
      'remaining',
      'checked_in',
    ],
    analytics.events.map((e) => [
      e.name,
      e.status,
      e.startsAt,
      e.currency,
      e.orders,
      e.ticketsSold,
      e.revenue.gross,
      e.revenue.discounts,
      e.revenue.refunds,
      e.revenue.net,
      e.capacity.total,
      e.capacity.remaining,
      e.checkIns.count,
    ]),
  );
}
