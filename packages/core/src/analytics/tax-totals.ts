import { sql } from 'kysely';
import type { DbOrTx } from '../db/database';
import { taxRatePercent } from '../shared/tax-rate';
import { toMajorUnits } from '../shared/money';
import { splitRange } from './range-split';
import type { SalesRange } from './sales-range';
import type { EventScope } from './sales-queries';

/** Net and tax at one rate; refunds netted (a refunded ticket's share is taken out again). */
export interface TaxTotal {
  currency: string;
  /** Percent. */
  rate: number;
  net: number;
  tax: number;
}

function eventsInScope(
  scope: EventScope,
): { column: 'events.id' | 'events.organizer_id'; value: string } | null {
  if ('eventId' in scope) return { column: 'events.id', value: scope.eventId };
  if ('organizerId' in scope) return { column: 'events.organizer_id', value: scope.organizerId };
  return null;
}

/**
 * Net and tax per currency and rate of the tickets kept from sales in the range: whole days from
 * the taxes_by_day rollup, the partial days at the ends from the tickets themselves (a ticket
 * carries its sale time and its share of its line's tax). Amounts in major units.
 */
export async function taxTotals(db: DbOrTx, range: SalesRange, scope: EventScope): Promise<TaxTotal[]> {
  const { whole, edges } = splitRange(range, 'day');
  const within = eventsInScope(scope);
  const sums = new Map<string, { currency: string; rate: number; net: number; tax: number }>();
  const add = (
    rows: { currency: string; rate: number | string; net: number | string; tax: number | string }[],
  ) => {
    for (const r of rows) {
      const key = `${r.currency}|${r.rate}`;
      const sum = sums.get(key) ?? { currency: r.currency, rate: Number(r.rate), net: 0, tax: 0 };
      sum.net += Number(r.net);
      sum.tax += Number(r.tax);
      sums.set(key, sum);
    }
  };
  if (whole)
    add(
      await db
        .selectFrom('taxes_by_day')
        .innerJoin('events', 'events.id', 'taxes_by_day.event_id')
        .$if(within !== null, (qb) => qb.where(within!.column, '=', within!.value))
        .$if(whole.from !== null, (qb) => qb.where('taxes_by_day.day', '>=', whole.from!))
        .$if(whole.to !== null, (qb) => qb.where('taxes_by_day.day', '<', whole.to!))
        .select([
          'events.currency',
          'taxes_by_day.tax_rate as rate',
          sql<number>`sum(taxes_by_day.net)`.as('net'),
          sql<number>`sum(taxes_by_day.tax)`.as('tax'),
        ])
        .groupBy(['events.currency', 'taxes_by_day.tax_rate'])
        .execute(),
    );
  for (const edge of edges)
    add(
      await db
        .selectFrom('tickets')
        .innerJoin('events', 'events.id', 'tickets.event_id')
        .where('tickets.status', '<>', 'void')
        .$if(within !== null, (qb) => qb.where(within!.column, '=', within!.value))
        .$if(edge.from !== null, (qb) => qb.where('tickets.created_at', '>=', edge.from!))
        .$if(edge.to !== null, (qb) => qb.where('tickets.created_at', '<', edge.to!))
        .select([
          'events.currency',
          'tickets.tax_rate as rate',
          sql<number>`sum(tickets.price_paid - tickets.tax)`.as('net'),
          sql<number>`sum(tickets.tax)`.as('tax'),
        ])
        .groupBy(['events.currency', 'tickets.tax_rate'])
        .execute(),
    );
  return [...sums.values()]
    .filter((s) => s.net !== 0 || s.tax !== 0)
    .sort((a, b) => a.currency.localeCompare(b.currency) || a.rate - b.rate)
    .map((s) => ({
      currency: s.currency,
      rate: taxRatePercent(s.rate),
      net: toMajorUnits(s.net, s.currency),
      tax: toMajorUnits(s.tax, s.currency),
    }));
}
