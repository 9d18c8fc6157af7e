import type { LedgerOrder, SalesHistory } from './sales-history';

// The figures analytics must show, computed from the test's own ledger with plain loops and
// Intl — none of the code under test — in minor units, converted at the end.

const major = (minorUnits: number) => Number((minorUnits / 100).toFixed(2));

export function inRange(order: LedgerOrder, from?: string, to?: string): boolean {
  return (!from || order.paidAt >= from) && (!to || order.paidAt < to);
}

function fold(counts: Map<string, number>): Map<string, number> {
  const kept = new Map<string, number>();
  let other = 0;
  for (const [key, count] of counts) {
    if (count < 5) other += count;
    else kept.set(key, count);
  }
  if (other > 0) kept.set('other', other);
  return kept;
}

function localDay(iso: string, timeZone: string): string {
  return new Date(iso).toLocaleDateString('en-CA', { timeZone });
}

function localHour(iso: string, timeZone: string): string {
  const hour = new Date(iso).toLocaleTimeString('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' });
  return `${localDay(iso, timeZone)}T${hour.slice(0, 2)}:00`;
}

export function expectedEventFigures(
  history: SalesHistory,
  timeZone: string,
  range: { from?: string; to?: string } = {},
) {
  const orders = history.sold.filter((o) => inRange(o, range.from, range.to));
  const tickets = orders.flatMap((o) => o.tickets);
  const kept = tickets.filter((t) => t.status !== 'void');
  const gross = orders.reduce((s, o) => s + o.subtotal, 0);
  const discounts = orders.reduce((s, o) => s + o.discount, 0);
  const refunds = orders.reduce((s, o) => s + o.refunded, 0);
  const used = kept.filter((t) => t.status === 'used').length;

  const byTier = history.event.ticketTypes.map((tier) => {
    const own = tickets.filter((t) => t.tierId === tier.id);
    const ownKept = own.filter((t) => t.status !== 'void');
    return {
      ticketTypeId: tier.id,
      sold: ownKept.length,
      refunded: own.length - ownKept.length,
      revenue: major(ownKept.reduce((s, t) => s + t.pricePaid, 0)),
    };
  });

  const span =
    Date.parse(range.to ?? orders.at(-1)?.paidAt ?? '1970-01-01') -
    Date.parse(range.from ?? orders[0]?.paidAt ?? '1970-01-01');
  const hourly = orders.length > 0 && span < 2 * 86_400_000;
  const label = (iso: string) => (hourly ? localHour(iso, timeZone) : localDay(iso, timeZone));
  const buckets = new Map<string, { tickets: number; revenue: number }>();
  for (const o of orders) {
    const b = buckets.get(label(o.paidAt)) ?? { tickets: 0, revenue: 0 };
    for (const t of o.tickets.filter((x) => x.status !== 'void')) {
      b.tickets += 1;
      b.revenue += t.pricePaid;
    }
    buckets.set(label(o.paidAt), b);
  }

  const ages = new Map<string, number>();
  const countries = new Map<string, number>();
  for (const t of kept) {
    ages.set(t.ageRange ?? 'unspecified', (ages.get(t.ageRange ?? 'unspecified') ?? 0) + 1);
    countries.set(t.country ?? 'unspecified', (countries.get(t.country ?? 'unspecified') ?? 0) + 1);
  }

  const promos = new Map<string, { uses: number; discount: number }>();
  for (const o of orders.filter((x) => x.promoCode)) {
    const p = promos.get(o.promoCode!) ?? { uses: 0, discount: 0 };
    p.uses += 1;
    p.discount += o.discount;
    promos.set(o.promoCode!, p);
  }

  return {
    revenue: {
      gross: major(gross),
      discounts: major(discounts),
      refunds: major(refunds),
      net: major(gross - discounts - refunds),
    },
    orders: orders.length,
    ticketsSold: kept.length,
    byTier,
    granularity: hourly ? 'hour' : 'day',
    /** Buckets with sales; every other listed bucket must be zero. */
    salesBuckets: new Map(
      [...buckets].map(([k, v]) => [k, { tickets: v.tickets, revenue: major(v.revenue) }]),
    ),
    ageRange: fold(ages),
    country: fold(countries),
    promotions: new Map([...promos].map(([k, v]) => [k, { uses: v.uses, discount: major(v.discount) }])),
    checkIns: { count: used, rate: kept.length ? Math.round((used / kept.length) * 10_000) / 10_000 : 0 },
  };
}
