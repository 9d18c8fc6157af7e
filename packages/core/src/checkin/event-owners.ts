import type { DbOrTx } from '../db/database';
import { NotFoundError } from '../shared/errors';

// Bounded so a scan of every event ever made cannot grow it without end.
const MAX_EVENTS = 10_000;

/**
 * Which organizer owns an event, remembered: an event never changes owner, and the door asks on
 * every scan. Whether the event is cancelled is not cached; the admission checks that in SQL.
 */
export class EventOwners {
  private readonly owners = new Map<string, string>();

  async organizerOf(db: DbOrTx, eventId: string): Promise<string> {
    const known = this.owners.get(eventId);
    if (known) return known;
    const row = await db
      .selectFrom('events')
      .select('organizer_id')
      .where('id', '=', eventId)
      .executeTakeFirst();
    if (!row) throw new NotFoundError('Event');
    if (this.owners.size >= MAX_EVENTS) this.owners.clear();
    this.owners.set(eventId, row.organizer_id);
    return row.organizer_id;
  }
}
