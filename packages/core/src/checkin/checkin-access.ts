import type { DbOrTx } from '../db/database';
import type { EventRow } from '../db/schema';
import type { Actor } from '../shared/actor';
import { NotFoundError } from '../shared/errors';

export type CheckinEvent = Pick<
  EventRow,
  'id' | 'organizer_id' | 'status' | 'name' | 'starts_at' | 'timezone'
>;

/** Admins, the event's organizer, and door staff of that organizer may check its tickets in. */
export function canCheckIn(actor: Actor, event: Pick<EventRow, 'organizer_id'>): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role === 'organizer') return event.organizer_id === actor.userId;
  return actor.role === 'staff' && event.organizer_id === actor.organizerId;
}

/**
 * Whether the caller may check in codes signed with this organizer's key. A code the caller may
 * not check in is answered exactly like a forged one, so one organizer's door cannot tell another
 * organizer's genuine codes from made-up ones. Decided from the signature alone: no query.
 */
export function canCheckInCodeOf(actor: Actor, signerId: string): boolean {
  return canCheckIn(actor, { organizer_id: signerId });
}

export async function findCheckinEvent(db: DbOrTx, eventId: string): Promise<CheckinEvent> {
  const event = await db
    .selectFrom('events')
    .select(['id', 'organizer_id', 'status', 'name', 'starts_at', 'timezone'])
    .where('id', '=', eventId)
    .executeTakeFirst();
  if (!event) throw new NotFoundError('Event');
  return event;
}
