import type { EventDeps } from './event-deps';
import type { AuditAction } from '../audit/audit-actions';
import { writeAudit } from '../audit/write-audit';
import type { Tx } from '../db/database';
import type { EventRow, EventStatus } from '../db/schema';
import type { Actor, RequestMeta } from '../shared/actor';
import { ConflictError } from '../shared/errors';
import { findManagedEvent, loadEventView } from './event-access';
import type { EventView } from './event-view';

/** Runs a status change on a managed event in one transaction with its audit entry. */
async function transition(
  deps: EventDeps,
  actor: Actor,
  eventId: string,
  meta: RequestMeta,
  action: AuditAction,
  change: (tx: Tx, event: EventRow, now: string) => Promise<Partial<EventRow> | null>,
): Promise<EventView> {
  const view = await deps.db.transaction().execute(async (tx) => {
    const event = await findManagedEvent(tx, actor, eventId);
    const now = deps.clock.now().toISOString();
    const changes = await change(tx, event, now);
    if (!changes) return loadEventView(tx, event, actor, deps.clock.now());
    await tx
      .updateTable('events')
      .set({ ...changes, updated_at: now })
      .where('id', '=', eventId)
      .where('status', '=', event.status)
      .execute();
    await writeAudit(tx, deps.clock, {
      actorId: actor.userId,
      action,
      targetType: 'event',
      targetId: eventId,
      ip: meta.ip,
      details: { from: event.status, to: changes.status ?? event.status },
    });
    return loadEventView(tx, { ...event, ...changes, updated_at: now }, actor, deps.clock.now());
  });
  deps.afterCommit.eventChanged(eventId);
  return view;
}

function refuseCancelled(event: EventRow): void {
  if (event.status === 'cancelled') throw new ConflictError('event_cancelled', 'The event is cancelled');
}

/**
 * Puts a draft on sale. It needs a start date and at least one ticket type (409 `not_publishable`),
 * and the start must still be ahead (409 `starts_in_past`): a past event would be listed nowhere
 * while its organizer believed it on sale.
 */
export function publishEvent(
  deps: EventDeps,
  actor: Actor,
  eventId: string,
  meta: RequestMeta,
): Promise<EventView> {
  return transition(deps, actor, eventId, meta, 'event.published', async (tx, event, now) => {
    refuseCancelled(event);
    if (event.status === 'published') return null;
    if (!event.starts_at)
      throw new ConflictError('not_publishable', 'Set a start date (startsAt) before publishing');
    if (event.starts_at <= now)
      throw new ConflictError(
        'starts_in_past',
        'The event starts in the past; move its start date (startsAt) ahead before publishing',
        { startsAt: event.starts_at },
      );
    const tier = await tx
      .selectFrom('ticket_types')
      .select('id')
      .where('event_id', '=', eventId)
      .executeTakeFirst();
    if (!tier) throw new ConflictError('not_publishable', 'Add at least one ticket type before publishing');
    return { status: 'published' as EventStatus, published_at: now };
  });
}

/** Takes a published event off sale and out of listings (organizer, or an admin moderating). */
export function unpublishEvent(
  deps: EventDeps,
  actor: Actor,
  eventId: string,
  meta: RequestMeta,
): Promise<EventView> {
  return transition(deps, actor, eventId, meta, 'event.unpublished', async (_tx, event) => {
    refuseCancelled(event);
    if (event.status === 'draft') return null;
    return { status: 'draft' as EventStatus };
  });
}

/** Cancels an event for good; sales stop at once. */
export function cancelEvent(
  deps: EventDeps,
  actor: Actor,
  eventId: string,
  meta: RequestMeta,
): Promise<EventView> {
  return transition(deps, actor, eventId, meta, 'event.cancelled', async (_tx, event, now) => {
    if (event.status === 'cancelled') return null;
    return { status: 'cancelled' as EventStatus, cancelled_at: now };
  });
}

/** Deletes an event that has no orders at all, whatever their state (409 `has_orders` otherwise). */
export async function deleteEvent(
  deps: EventDeps,
  actor: Actor,
  eventId: string,
  meta: RequestMeta,
): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const event = await findManagedEvent(tx, actor, eventId);
    // Any order counts, even a cancelled or expired one: the books keep referring to the event.
    const order = await tx
      .selectFrom('orders')
      .select('id')
      .where('event_id', '=', eventId)
      .limit(1)
      .executeTakeFirst();
    if (order || event.sold + event.held > 0) {
      throw new ConflictError('has_orders', 'An event with orders cannot be deleted; cancel it instead');
    }
    await tx.deleteFrom('promotions').where('event_id', '=', eventId).execute();
    await tx.deleteFrom('ticket_types').where('event_id', '=', eventId).execute();
    const deleted = await tx
      .deleteFrom('events')
      .where('id', '=', eventId)
      .where('sold', '=', 0)
      .where('held', '=', 0)
      .executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0) throw new ConflictError('has_orders', 'The event has orders');
    await writeAudit(tx, deps.clock, {
      actorId: actor.userId,
      action: 'event.deleted',
      targetType: 'event',
      targetId: eventId,
      ip: meta.ip,
      details: { name: event.name },
    });
  });
  deps.afterCommit.eventChanged(eventId);
}
