import type { DbOrTx } from '../db/database';
import type { EventRow } from '../db/schema';
import type { Actor } from '../identity/actor';
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

export async function findCheckinEvent(db: DbOrTx, eventId: string): Promise<CheckinEvent> {
  const event = await db
    .selectFrom('events')
    .select(['id', 'organizer_id', 'status', 'name', 'starts_at', 'timezone'])
    .where('id', '=', eventId)
    .executeTakeFirst();
  if (!event) throw new NotFoundError('Event');
  return event;
}
