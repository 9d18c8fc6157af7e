import type { DbOrTx } from '../db/database';
import type { EventRow } from '../db/schema';
import type { Actor } from '../shared/actor';
import { NotFoundError } from '../shared/errors';
import { toEventView, type EventView } from './event-view';
import { staleHolds, withoutStaleHolds } from './stale-holds';

export function canManage(actor: Actor | null, event: Pick<EventRow, 'organizer_id'>): boolean {
  return (
    !!actor && (actor.role === 'admin' || (actor.role === 'organizer' && event.organizer_id === actor.userId))
  );
}

/** Published and cancelled events are public; drafts only to their organizer and admins. */
export function isVisibleTo(actor: Actor | null, event: Pick<EventRow, 'organizer_id' | 'status'>): boolean {
  return event.status !== 'draft' || canManage(actor, event);
}

/**
 * The event if the actor may change it (its organizer or an admin). Anyone else gets 404, not
 * 403: another organizer must not even learn that the event exists.
 */
export async function findManagedEvent(db: DbOrTx, actor: Actor, eventId: string): Promise<EventRow> {
  const event = await db.selectFrom('events').selectAll().where('id', '=', eventId).executeTakeFirst();
  if (!event || !canManage(actor, event)) throw new NotFoundError('Event');
  return event;
}

/** Loads an event with its tiers (and promotions for managers) as the API shows it. */
export async function loadEventView(
  db: DbOrTx,
  event: EventRow,
  actor: Actor | null,
  now: Date,
): Promise<EventView> {
  const manager = canManage(actor, event);
  const [tiers, promotions] = await Promise.all([
    db
      .selectFrom('ticket_types')
      .selectAll()
      .where('event_id', '=', event.id)
      .orderBy('sort_order')
      .orderBy('created_at')
      .execute(),
    manager
      ? db
          .selectFrom('promotions')
          .selectAll()
          .where('event_id', '=', event.id)
          .orderBy('created_at')
          .execute()
      : Promise.resolve(null),
  ]);
  const stale = (await staleHolds(db, [event.id], now)).get(event.id);
  return toEventView(
    stale ? withoutStaleHolds(event, stale) : event,
    stale ? tiers.map((t) => withoutStaleHolds(t, stale, t.id)) : tiers,
    promotions,
    manager ? 'manager' : 'public',
  );
}
