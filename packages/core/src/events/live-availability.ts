import type { CoreDeps } from '../shared/core-deps';
import type { EventStatus } from '../db/schema';
import { loadEventView } from './event-access';
import { availabilityOf, type Availability } from './get-event';

export interface AvailabilitySnapshot {
  /** Who may see it: drafts only their organizer and admins. */
  status: EventStatus;
  organizerId: string;
  availability: Availability;
  /**
   * When the earliest hold still pending runs out. Availability changes then with no write at
   * all (reads stop counting the hold), so whoever pushes it must look again at that moment.
   */
  nextHoldExpiry: Date | null;
}

/**
 * An event's availability as the public sees it, with what a live stream needs around it, for
 * any event (visibility is the caller's to check: one snapshot serves every subscriber). Null
 * when the event does not exist.
 */
export async function availabilitySnapshot(
  deps: CoreDeps,
  eventId: string,
): Promise<AvailabilitySnapshot | null> {
  const { db } = deps;
  const now = deps.clock.now();
  const event = await db.selectFrom('events').selectAll().where('id', '=', eventId).executeTakeFirst();
  if (!event) return null;
  const [view, next] = await Promise.all([
    loadEventView(db, event, null, now),
    // orders_holds_idx (event_id, status, expires_at) answers this from the index alone.
    db
      .selectFrom('orders')
      .select((eb) => eb.fn.min<string>('expires_at').as('at'))
      .where('event_id', '=', eventId)
      .where('status', '=', 'pending')
      .where('expires_at', '>', now.toISOString())
      .executeTakeFirst(),
  ]);
  return {
    status: event.status,
    organizerId: event.organizer_id,
    availability: availabilityOf(view),
    nextHoldExpiry: next?.at ? new Date(next.at) : null,
  };
}
