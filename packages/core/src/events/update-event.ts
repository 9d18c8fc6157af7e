import type { EventDeps } from './event-deps';
import { writeAudit } from '../audit/write-audit';
import type { Tx } from '../db/database';
import type { EventRow } from '../db/schema';
import type { Actor, RequestMeta } from '../shared/actor';
import { ConflictError, ValidationError } from '../shared/errors';
import { findManagedEvent, loadEventView } from './event-access';
import { derivedColumns, eventColumns } from './event-columns';
import { assertInvoicingReady } from './invoicing-readiness';
import { validateEventFields, type EventFieldsInput } from './event-input';
import type { EventView } from './event-view';
import { currencyDigits } from '../shared/currency-digits';
import { toMinorUnits } from '../shared/money';

/** Re-expresses stored prices in a new currency, keeping their major-unit value (12.50 USD → 12.50 EUR). */
async function convertPrices(tx: Tx, event: EventRow, currency: string): Promise<void> {
  const factor = 10 ** (currencyDigits(currency) - currencyDigits(event.currency));
  const tiers = await tx
    .selectFrom('ticket_types')
    .select(['id', 'price'])
    .where('event_id', '=', event.id)
    .execute();
  for (const tier of tiers) {
    const price = toMinorUnits(tier.price / 10 ** currencyDigits(event.currency), currency, 'currency');
    await tx.updateTable('ticket_types').set({ price }).where('id', '=', tier.id).execute();
  }
  const fixed = await tx
    .selectFrom('promotions')
    .select(['id', 'value'])
    .where('event_id', '=', event.id)
    .where('kind', '=', 'fixed')
    .execute();
  for (const promo of fixed) {
    const value = promo.value * factor;
    if (!Number.isInteger(value))
      throw new ValidationError([
        { field: 'currency', message: 'a fixed promo amount cannot be expressed in it' },
      ]);
    await tx.updateTable('promotions').set({ value }).where('id', '=', promo.id).execute();
  }
}

/**
 * Partial update by the organizer or an admin. Capacity can never drop below what is sold or
 * held: that check and the write are one conditional UPDATE, so a concurrent sale cannot slip in.
 */
export async function updateEvent(
  deps: EventDeps,
  actor: Actor,
  eventId: string,
  input: EventFieldsInput,
  meta: RequestMeta,
): Promise<EventView> {
  const view = await deps.db.transaction().execute(async (tx) => {
    const event = await findManagedEvent(tx, actor, eventId);
    if (event.status === 'cancelled')
      throw new ConflictError('event_cancelled', 'A cancelled event cannot be edited');
    const changes = eventColumns(input);
    const merged = { ...event, ...changes };
    validateEventFields(input, {
      startsAt: merged.starts_at,
      endsAt: merged.ends_at,
      salesStart: merged.sales_start,
      salesEnd: merged.sales_end,
    });
    await assertInvoicingReady(tx, event.organizer_id, input.invoicing);
    if (event.status === 'published' && input.startsAt === null) {
      throw new ValidationError([{ field: 'startsAt', message: 'a published event needs a start date' }]);
    }

    if (changes.capacity !== undefined && changes.capacity !== null) {
      if (event.sold + event.held > changes.capacity) {
        throw new ConflictError(
          'capacity_below_sold',
          `Capacity cannot go below the ${event.sold + event.held} tickets sold or held`,
        );
      }
      const widest = await tx
        .selectFrom('ticket_types')
        .select((eb) => eb.fn.max<number>('quantity_limit').as('max'))
        .where('event_id', '=', eventId)
        .executeTakeFirst();
      if (widest?.max !== null && widest?.max !== undefined && widest.max > changes.capacity) {
        throw new ValidationError([
          { field: 'capacity', message: `must be at least the largest tier limit (${widest.max})` },
        ]);
      }
    }
    if (changes.currency !== undefined && changes.currency !== event.currency) {
      if (event.sold + event.held > 0)
        throw new ConflictError('currency_locked', 'The currency cannot change once tickets are sold');
      await convertPrices(tx, event, changes.currency);
    }

    const now = deps.clock.now().toISOString();
    let update = tx
      .updateTable('events')
      .set({ ...changes, ...derivedColumns(merged), updated_at: now })
      .where('id', '=', eventId);
    const capacity = changes.capacity;
    // The capacity check and the write are one statement, so a concurrent sale cannot slip under it.
    if (capacity !== undefined && capacity !== null) {
      update = update.where((eb) => eb(eb('sold', '+', eb.ref('held')), '<=', capacity));
    }
    const result = await update.executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) {
      throw new ConflictError('capacity_below_sold', 'Capacity cannot go below the tickets sold or held');
    }
    await writeAudit(tx, deps.clock, {
      actorId: actor.userId,
      action: 'event.updated',
      targetType: 'event',
      targetId: eventId,
      ip: meta.ip,
      details: { fields: Object.keys(input) },
    });
    const updated = await tx
      .selectFrom('events')
      .selectAll()
      .where('id', '=', eventId)
      .executeTakeFirstOrThrow();
    return loadEventView(tx, updated, actor, deps.clock.now());
  });
  deps.afterCommit.eventChanged(eventId);
  return view;
}
