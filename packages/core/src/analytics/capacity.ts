import type { DbOrTx } from '../db/database';
import type { EventRow, TicketTypeRow } from '../db/schema';
import { eventRemaining } from '../events/event-view';
import { staleHolds, withoutStaleHolds } from '../events/stale-holds';
import { ratio } from './money-figures';

export interface CapacityView {
  /** What can be sold at most: the event capacity, or less when the tiers' limits add up to less. */
  total: number;
  sold: number;
  held: number;
  remaining: number;
  /** sold / total. */
  utilization: number;
}

type Counters = Pick<EventRow, 'id' | 'capacity' | 'sold' | 'held'>;

/** Seats right now (holds that ran out no longer count); not filtered by date, it is the present. */
export function capacityOf(event: Counters, tiers: TicketTypeRow[]): CapacityView {
  const limits = tiers.reduce((sum, t) => sum + t.quantity_limit, 0);
  const total = Math.min(event.capacity ?? Infinity, limits);
  return {
    total,
    sold: event.sold,
    held: event.held,
    remaining: eventRemaining(event, tiers),
    utilization: ratio(event.sold, total),
  };
}

/** The events' and their tiers' counters with expired holds taken out, for capacity figures. */
export async function currentCounters<E extends Counters>(
  db: DbOrTx,
  events: E[],
  now: Date,
): Promise<{ events: E[]; tiers: Map<string, TicketTypeRow[]> }> {
  const ids = events.map((e) => e.id);
  const [stale, tierRows] = await Promise.all([
    staleHolds(db, ids, now),
    ids.length
      ? db
          .selectFrom('ticket_types')
          .selectAll()
          .where('event_id', 'in', ids)
          .orderBy('sort_order')
          .orderBy('created_at')
          .execute()
      : Promise.resolve([]),
  ]);
  const tiers = new Map<string, TicketTypeRow[]>(ids.map((id) => [id, []]));
  for (const tier of tierRows) {
    const holds = stale.get(tier.event_id);
    tiers.get(tier.event_id)!.push(holds ? withoutStaleHolds(tier, holds, tier.id) : tier);
  }
  return {
    events: events.map((e) => {
      const holds = stale.get(e.id);
      return holds ? withoutStaleHolds(e, holds) : e;
    }),
    tiers,
  };
}
