import type { CoreDeps } from '../shared/core-deps';
import type { Actor } from '../shared/actor';
import { NotFoundError } from '../shared/errors';
import { isVisibleTo, loadEventView } from './event-access';
import type { EventView } from './event-view';

/** Published and cancelled events are public; drafts only to their organizer and admins (others: 404). */
export async function getEvent(deps: CoreDeps, actor: Actor | null, eventId: string): Promise<EventView> {
  const { db } = deps;
  const event = await db.selectFrom('events').selectAll().where('id', '=', eventId).executeTakeFirst();
  if (!event || !isVisibleTo(actor, event)) throw new NotFoundError('Event');
  return loadEventView(db, event, actor, deps.clock.now());
}

export interface Availability {
  remaining: number;
  ticketTypes: { id: string; name: string; remaining: number; soldOut: boolean }[];
}

/** What is left to buy, event-wide and per tier (public for visible events). */
export async function getAvailability(
  deps: CoreDeps,
  actor: Actor | null,
  eventId: string,
): Promise<Availability> {
  return availabilityOf(await getEvent(deps, actor, eventId));
}

/** The availability part of an event view. */
export function availabilityOf(view: EventView): Availability {
  return {
    remaining: view.remaining,
    ticketTypes: view.ticketTypes.map((t) => ({
      id: t.id,
      name: t.name,
      remaining: t.remaining,
      soldOut: t.soldOut,
    })),
  };
}
