import type { Db } from '@eventhub/core';

/** Outbox messages waiting to be sent, and those given up on. */
export async function mailBacklog(db: Db): Promise<{ pending: number; failed: number }> {
  const rows = await db
    .selectFrom('outbox')
    .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('status', 'in', ['pending', 'failed'])
    .groupBy('status')
    .execute();
  const of = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
  return { pending: of('pending'), failed: of('failed') };
}

export interface OrderMail {
  orderId: string;
  paidAt: number;
  /** When its confirmation (the message attaching the order's tickets) was written; null: not yet. */
  sentAt: number | null;
}

/** Every paid order of `eventId` with the moment its confirmation e-mail was written (server clock). */
export async function confirmationTimes(db: Db, eventId: string): Promise<OrderMail[]> {
  const orders = await db
    .selectFrom('orders')
    .select(['id', 'paid_at'])
    .where('event_id', '=', eventId)
    .where('paid_at', 'is not', null)
    .execute();
  // A confirmation is known by its payload (JSON); the outbox has no order column to join on.
  const since = orders.reduce((min, o) => (o.paid_at! < min ? o.paid_at! : min), '9999');
  const mail = await db
    .selectFrom('outbox')
    .select(['payload', 'sent_at'])
    .where('kind', '=', 'email')
    .where('created_at', '>=', since)
    .execute();
  const sent = new Map<string, string | null>();
  for (const m of mail) {
    const order = (JSON.parse(m.payload) as { attachOrderTickets?: string }).attachOrderTickets;
    if (order) sent.set(order, m.sent_at);
  }
  return orders.map((o) => {
    const at = sent.get(o.id);
    return { orderId: o.id, paidAt: Date.parse(o.paid_at!), sentAt: at ? Date.parse(at) : null };
  });
}

export interface TierSales {
  tier: string;
  capacity: number;
  /** Tickets issued and not void, counted row by row. */
  tickets: number;
  /** The tier's own counter, which the conditional update guards. */
  soldCounter: number;
  oversold: boolean;
}

/** Tickets sold per tier of `eventId` against its capacity, from the rows and from the counters. */
export async function tierSales(db: Db, eventId: string): Promise<TierSales[]> {
  const tiers = await db
    .selectFrom('ticket_types')
    .select(['id', 'name', 'quantity_limit', 'sold'])
    .where('event_id', '=', eventId)
    .orderBy('sort_order')
    .execute();
  const counts = await db
    .selectFrom('tickets')
    .select(['ticket_type_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('event_id', '=', eventId)
    .where('status', '!=', 'void')
    .groupBy('ticket_type_id')
    .execute();
  return tiers.map((t) => {
    const tickets = Number(counts.find((c) => c.ticket_type_id === t.id)?.n ?? 0);
    return {
      tier: t.name,
      capacity: t.quantity_limit,
      tickets,
      soldCounter: t.sold,
      oversold: tickets > t.quantity_limit || t.sold > t.quantity_limit,
    };
  });
}
