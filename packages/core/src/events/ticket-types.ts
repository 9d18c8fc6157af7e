import type { EventDeps } from './event-deps';
import type { AuditAction } from '../audit/audit-actions';
import { writeAudit } from '../audit/write-audit';
import type { Tx } from '../db/database';
import type { EventRow, TicketTypeRow } from '../db/schema';
import type { Actor, RequestMeta } from '../shared/actor';
import { ConflictError, NotFoundError } from '../shared/errors';
import { newId } from '../shared/ids';
import { findManagedEvent } from './event-access';
import { toTicketTypeView, type TicketTypeView } from './event-view';
import { toMinorUnits } from '../shared/money';
import { taxRateFromPercent } from '../shared/tax-rate';
import { isoOrNull } from './places-and-times';
import { assertNoErrors, ticketTypeErrors, type TicketTypeInput } from './ticket-type-input';

function editable(event: EventRow): void {
  if (event.status === 'cancelled')
    throw new ConflictError('event_cancelled', 'A cancelled event cannot be edited');
}

async function findTier(tx: Tx, eventId: string, ticketTypeId: string): Promise<TicketTypeRow> {
  const tier = await tx
    .selectFrom('ticket_types')
    .selectAll()
    .where('id', '=', ticketTypeId)
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  if (!tier) throw new NotFoundError('Ticket type');
  return tier;
}

async function audit(
  tx: Tx,
  deps: EventDeps,
  actor: Actor,
  meta: RequestMeta,
  action: AuditAction,
  tier: TicketTypeRow,
) {
  await writeAudit(tx, deps.clock, {
    actorId: actor.userId,
    action,
    targetType: 'ticket_type',
    targetId: tier.id,
    ip: meta.ip,
    details: { eventId: tier.event_id, name: tier.name },
  });
}

/** Adds a tier to an event. */
export async function addTicketType(
  deps: EventDeps,
  actor: Actor,
  eventId: string,
  input: TicketTypeInput & { name: string; price: number; limit: number },
  meta: RequestMeta,
): Promise<TicketTypeView> {
  const view = await deps.db.transaction().execute(async (tx) => {
    const event = await findManagedEvent(tx, actor, eventId);
    editable(event);
    const state = {
      limit: input.limit,
      minPerOrder: input.minPerOrder ?? 1,
      maxPerOrder: input.maxPerOrder ?? null,
      salesStart: isoOrNull(input.salesStart),
      salesEnd: isoOrNull(input.salesEnd),
    };
    assertNoErrors(ticketTypeErrors(state, event.capacity));
    const price = toMinorUnits(input.price, event.currency, 'price');
    const taxRate = input.taxRate === undefined ? 0 : taxRateFromPercent(input.taxRate, 'taxRate');
    const count = await tx
      .selectFrom('ticket_types')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('event_id', '=', eventId)
      .executeTakeFirstOrThrow();
    const now = deps.clock.now().toISOString();
    const tier: TicketTypeRow = {
      id: newId(),
      event_id: eventId,
      name: input.name.trim(),
      description: input.description ?? null,
      price,
      quantity_limit: input.limit,
      sold: 0,
      held: 0,
      sales_start: state.salesStart,
      sales_end: state.salesEnd,
      min_per_order: state.minPerOrder,
      max_per_order: state.maxPerOrder,
      sort_order: input.sortOrder ?? Number(count.n),
      tax_rate: taxRate,
      created_at: now,
      updated_at: now,
    };
    await tx.insertInto('ticket_types').values(tier).execute();
    await audit(tx, deps, actor, meta, 'ticket_type.created', tier);
    return toTicketTypeView(event, tier, 'manager');
  });
  deps.afterCommit.eventChanged(eventId);
  return view;
}

/**
 * Edits a tier. Its limit can never drop below what is sold or held: one conditional UPDATE
 * (`… WHERE sold + held <= :limit`) decides, so a concurrent sale cannot slip under it.
 */
export async function updateTicketType(
  deps: EventDeps,
  actor: Actor,
  eventId: string,
  ticketTypeId: string,
  input: TicketTypeInput,
  meta: RequestMeta,
): Promise<TicketTypeView> {
  const view = await deps.db.transaction().execute(async (tx) => {
    const event = await findManagedEvent(tx, actor, eventId);
    editable(event);
    const tier = await findTier(tx, eventId, ticketTypeId);
    const state = {
      limit: input.limit ?? tier.quantity_limit,
      minPerOrder: input.minPerOrder ?? tier.min_per_order,
      maxPerOrder: input.maxPerOrder !== undefined ? input.maxPerOrder : tier.max_per_order,
      salesStart: input.salesStart !== undefined ? isoOrNull(input.salesStart) : tier.sales_start,
      salesEnd: input.salesEnd !== undefined ? isoOrNull(input.salesEnd) : tier.sales_end,
    };
    if (state.limit < tier.sold + tier.held) {
      throw new ConflictError(
        'limit_below_sold',
        `The limit cannot go below the ${tier.sold + tier.held} tickets sold or held`,
      );
    }
    assertNoErrors(ticketTypeErrors(state, event.capacity));
    const changes = {
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.price !== undefined ? { price: toMinorUnits(input.price, event.currency, 'price') } : {}),
      ...(input.sortOrder !== undefined ? { sort_order: input.sortOrder } : {}),
      ...(input.taxRate !== undefined ? { tax_rate: taxRateFromPercent(input.taxRate, 'taxRate') } : {}),
      quantity_limit: state.limit,
      min_per_order: state.minPerOrder,
      max_per_order: state.maxPerOrder,
      sales_start: state.salesStart,
      sales_end: state.salesEnd,
      updated_at: deps.clock.now().toISOString(),
    };
    const result = await tx
      .updateTable('ticket_types')
      .set(changes)
      .where('id', '=', ticketTypeId)
      .where((eb) => eb(eb('sold', '+', eb.ref('held')), '<=', state.limit))
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) {
      throw new ConflictError('limit_below_sold', 'The limit cannot go below the tickets sold or held');
    }
    const updated = { ...tier, ...changes };
    await audit(tx, deps, actor, meta, 'ticket_type.updated', updated);
    return toTicketTypeView(event, updated, 'manager');
  });
  deps.afterCommit.eventChanged(eventId);
  return view;
}

/** Removes a tier that was never ordered (409 `has_sales` otherwise). */
export async function removeTicketType(
  deps: EventDeps,
  actor: Actor,
  eventId: string,
  ticketTypeId: string,
  meta: RequestMeta,
): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const event = await findManagedEvent(tx, actor, eventId);
    editable(event);
    const tier = await findTier(tx, eventId, ticketTypeId);
    // Orders keep referring to their tiers, even cancelled or expired ones: such a tier stays.
    const ordered = await tx
      .selectFrom('order_items')
      .select('id')
      .where('ticket_type_id', '=', ticketTypeId)
      .limit(1)
      .executeTakeFirst();
    if (ordered)
      throw new ConflictError(
        'has_sales',
        'A ticket type that has been ordered cannot be removed; set its limit to what was sold instead',
      );
    const deleted = await tx
      .deleteFrom('ticket_types')
      .where('id', '=', ticketTypeId)
      .where('sold', '=', 0)
      .where('held', '=', 0)
      .executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0)
      throw new ConflictError('has_sales', 'A ticket type with sales cannot be removed');
    await audit(tx, deps, actor, meta, 'ticket_type.deleted', tier);
  });
  deps.afterCommit.eventChanged(eventId);
}
