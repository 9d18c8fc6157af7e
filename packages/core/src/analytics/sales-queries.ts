import { sql } from 'kysely';
import type { DbOrTx } from '../db/database';
import type { SalesRange } from './sales-range';

// The building blocks every analytics view sums with. An order counts as sold once it is paid
// (`paid_at`), including orders refunded later: their refunds are reported as refunds. A ticket
// carries its order's sale time in `created_at`; void tickets are the refunded ones.

/** Sold orders of some events within the range; pass a subquery of event ids or a list. */
export function soldOrders(db: DbOrTx, range: SalesRange) {
  return db
    .selectFrom('orders')
    .where('orders.paid_at', 'is not', null)
    .$if(range.from !== null, (qb) => qb.where('orders.paid_at', '>=', range.from!))
    .$if(range.to !== null, (qb) => qb.where('orders.paid_at', '<', range.to!));
}

export function soldTickets(db: DbOrTx, range: SalesRange) {
  return db
    .selectFrom('tickets')
    .$if(range.from !== null, (qb) => qb.where('tickets.created_at', '>=', range.from!))
    .$if(range.to !== null, (qb) => qb.where('tickets.created_at', '<', range.to!));
}

/** The money columns summed (minor units), for a `select` of sold orders. */
export const salesSumColumns = [
  sql<number>`count(*)`.as('orders'),
  sql<number>`sum(orders.subtotal)`.as('subtotal'),
  sql<number>`sum(orders.discount)`.as('discount'),
  sql<number>`sum(orders.refunded_amount)`.as('refunded'),
] as const;

/** Kept (valid or used) tickets count as sold; `used` ones are checked in. */
export const ticketSumColumns = [
  sql<number>`sum(case when tickets.status <> 'void' then 1 else 0 end)`.as('sold'),
  sql<number>`sum(case when tickets.status = 'used' then 1 else 0 end)`.as('checked_in'),
  sql<number>`sum(case when tickets.status = 'void' then 1 else 0 end)`.as('refunded'),
  sql<number>`sum(case when tickets.status <> 'void' then tickets.price_paid else 0 end)`.as('revenue'),
] as const;

export interface TicketSums {
  sold: number;
  checkedIn: number;
  refunded: number;
  /** Minor units kept: what was paid for the tickets not refunded. */
  revenue: number;
}

export const NO_TICKETS: TicketSums = { sold: 0, checkedIn: 0, refunded: 0, revenue: 0 };

export function ticketSumsOf(row: {
  sold: number | string | null;
  checked_in: number | string | null;
  refunded: number | string | null;
  revenue: number | string | null;
}): TicketSums {
  return {
    sold: Number(row.sold ?? 0),
    checkedIn: Number(row.checked_in ?? 0),
    refunded: Number(row.refunded ?? 0),
    revenue: Number(row.revenue ?? 0),
  };
}

export function addTicketSums(a: TicketSums, b: TicketSums): TicketSums {
  return {
    sold: a.sold + b.sold,
    checkedIn: a.checkedIn + b.checkedIn,
    refunded: a.refunded + b.refunded,
    revenue: a.revenue + b.revenue,
  };
}
