import { Type } from 'typebox';
import { Id, IsoDateTime, Nullable } from './common';
import { TaxRowSchema } from './invoicing';

const Money = (description: string) =>
  Type.Number({ description: `${description}, in the currency's major unit` });

export const AnalyticsRangeQuery = Type.Object({
  from: Type.Optional({ ...IsoDateTime, description: 'Sales at or after this instant' }),
  to: Type.Optional({ ...IsoDateTime, description: 'Sales before this instant' }),
});

export const Revenue = Type.Object({
  gross: Money('List price of the tickets sold'),
  discounts: Money('What promo codes took off'),
  refunds: Money('What was paid back'),
  net: Money('gross − discounts − refunds'),
});

export const CurrencyRevenue = Type.Object({ currency: Type.String(), ...Revenue.properties });

export const Capacity = Type.Object({
  total: Type.Integer({ description: 'Seats that can be sold at most' }),
  sold: Type.Integer(),
  held: Type.Integer({ description: 'Seats held by pending orders whose hold is still running' }),
  remaining: Type.Integer(),
  utilization: Type.Number({ description: 'sold / total, from 0 to 1' }),
});

const Granularity = Type.Union([Type.Literal('day'), Type.Literal('hour')], {
  description: 'Days, or hours when the range is shorter than two days',
});

const Bucket = Type.Object({ key: Type.String(), count: Type.Integer() });

const CheckIns = Type.Object({
  count: Type.Integer(),
  rate: Type.Number({ description: 'Checked in / sold, from 0 to 1' }),
});

export const EventAnalyticsSchema = Type.Object({
  eventId: Id,
  name: Type.String(),
  currency: Type.String(),
  timezone: Type.String(),
  from: Nullable(IsoDateTime),
  to: Nullable(IsoDateTime),
  granularity: Granularity,
  revenue: Revenue,
  orders: Type.Integer({ description: 'Orders sold in the range (refunded ones included)' }),
  ticketsSold: Type.Integer({ description: 'Tickets sold and not refunded' }),
  capacity: Capacity,
  byTicketType: Type.Array(
    Type.Object({
      ticketTypeId: Id,
      name: Type.String(),
      price: Money('List price'),
      limit: Type.Integer(),
      sold: Type.Integer(),
      refunded: Type.Integer(),
      revenue: Money('Net revenue of this tier'),
    }),
  ),
  salesOverTime: Type.Array(
    Type.Object({
      date: Type.String({
        description: "Local day (2026-12-01) or hour (2026-12-01T14:00) in the event's timezone",
      }),
      tickets: Type.Integer(),
      revenue: Money('Net revenue'),
    }),
  ),
  demographics: Type.Object(
    { ageRange: Type.Array(Bucket), country: Type.Array(Bucket) },
    { description: 'Attendees per bucket; buckets under 5 are folded into "other"' },
  ),
  promotions: Type.Array(
    Type.Object({
      promotionId: Nullable(Id),
      code: Type.String(),
      kind: Nullable(Type.String()),
      uses: Type.Integer({ description: 'Sold orders that used the code' }),
      discount: Money('What the code took off'),
    }),
  ),
  checkIns: CheckIns,
  questions: Type.Array(
    Type.Object({
      questionId: Type.String(),
      label: Type.String(),
      kind: Type.String(),
      scope: Type.Union([Type.Literal('order'), Type.Literal('attendee')]),
      hidden: Type.Boolean({ description: 'Deleted with answers: its answers still count' }),
      answered: Type.Integer({
        description: 'Kept orders (order questions) or tickets (attendee questions) that answered',
      }),
      options: Type.Array(Type.Object({ value: Type.String(), count: Type.Integer() }), {
        description:
          'Per option (choice, multi), yes/no (checkbox) or country code; empty for free-form kinds',
      }),
    }),
    { description: "How buyers answered the event's questions, over the orders sold in the range" },
  ),
  taxes: Type.Array(TaxRowSchema, {
    description: 'Net and tax per rate of the tickets sold in the range, refunds netted',
  }),
});

const SalesTotals = Type.Object({
  events: Type.Integer(),
  orders: Type.Integer(),
  ticketsSold: Type.Integer(),
  checkIns: Type.Integer(),
  checkInRate: Type.Number(),
  revenue: Type.Array(CurrencyRevenue, { description: 'One entry per currency; currencies are never added' }),
});

const CurrencySalesPoint = Type.Object({
  date: Type.String({ description: 'UTC day (2026-12-01) or hour (2026-12-01T14:00)' }),
  currency: Type.String(),
  orders: Type.Integer(),
  revenue: Money('Net revenue'),
});

export const OrganizerAnalyticsSchema = Type.Object({
  organizerId: Id,
  from: Nullable(IsoDateTime),
  to: Nullable(IsoDateTime),
  granularity: Granularity,
  totals: SalesTotals,
  events: Type.Array(
    Type.Object({
      eventId: Id,
      name: Type.String(),
      status: Type.String(),
      startsAt: Nullable(IsoDateTime),
      currency: Type.String(),
      orders: Type.Integer(),
      ticketsSold: Type.Integer(),
      revenue: Revenue,
      capacity: Capacity,
      checkIns: CheckIns,
    }),
  ),
  salesOverTime: Type.Array(CurrencySalesPoint),
  taxes: Type.Array(Type.Object({ currency: Type.String(), ...TaxRowSchema.properties }), {
    description: 'Net and tax per currency and rate over every event, refunds netted',
  }),
});

export const PlatformAnalyticsQuery = Type.Object({
  ...AnalyticsRangeQuery.properties,
  organizerId: Type.Optional(Id),
});

export const PlatformAnalyticsSchema = Type.Object({
  from: Nullable(IsoDateTime),
  to: Nullable(IsoDateTime),
  organizerId: Nullable(Id),
  granularity: Granularity,
  totals: Type.Object({ ...SalesTotals.properties, organizers: Type.Integer() }),
  newUsers: Type.Object({
    total: Type.Integer(),
    byRole: Type.Array(Type.Object({ role: Type.String(), count: Type.Integer() })),
  }),
  byOrganizer: Type.Array(
    Type.Object({
      organizerId: Id,
      name: Type.String(),
      email: Type.String(),
      events: Type.Integer(),
      orders: Type.Integer(),
      ticketsSold: Type.Integer(),
      revenue: Type.Array(CurrencyRevenue),
    }),
  ),
  topEvents: Type.Array(
    Type.Object({
      eventId: Id,
      name: Type.String(),
      organizerId: Id,
      organizerName: Type.String(),
      currency: Type.String(),
      ticketsSold: Type.Integer(),
      net: Money('Net revenue'),
    }),
  ),
  salesOverTime: Type.Array(CurrencySalesPoint),
});

export const CsvBody = Type.Unknown({ description: 'text/csv' });
