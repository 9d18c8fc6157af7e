import type { EventDeps } from './event-deps';
import { writeAudit } from '../audit/write-audit';
import type { EventRow, PromotionRow, TicketTypeRow } from '../db/schema';
import { requireRole, type Actor, type RequestMeta } from '../shared/actor';
import { ValidationError, type FieldError } from '../shared/errors';
import { newId } from '../shared/ids';
import { derivedColumns, eventColumns } from './event-columns';
import { assertInvoicingReady } from './invoicing-readiness';
import { validateEventFields, type EventFieldsInput } from './event-input';
import { toEventView, type EventView } from './event-view';
import { toMinorUnits } from '../shared/money';
import { taxRateFromPercent } from '../shared/tax-rate';
import { isoOrNull } from './places-and-times';
import { expandShorthand, normalizePromotion, type PromotionInput } from './promotion-input';
import { assertNoErrors, ticketTypeErrors, type TicketTypeInput } from './ticket-type-input';

export interface CreateEventInput extends EventFieldsInput {
  name: string;
  ticketTypes?: (TicketTypeInput & { name: string; price: number; limit: number })[];
  promotions?: PromotionInput[];
}

/** Collects field errors from a check that throws ValidationError, so one answer lists them all. */
function collect(errors: FieldError[], check: () => void): void {
  try {
    check();
  } catch (error) {
    if (error instanceof ValidationError) errors.push(...(error.extra.errors ?? []));
    else throw error;
  }
}

/** An organizer creates an event — with tiers and promo codes in the same call — as a draft. */
export async function createEvent(
  deps: EventDeps,
  actor: Actor,
  input: CreateEventInput,
  meta: RequestMeta,
): Promise<EventView> {
  requireRole(actor, ['organizer', 'admin']);
  const currency = input.currency ?? 'USD';
  const capacity = input.capacity ?? null;
  validateEventFields(input, {
    startsAt: input.startsAt ?? null,
    endsAt: input.endsAt ?? null,
    salesStart: input.salesStart ?? null,
    salesEnd: input.salesEnd ?? null,
  });

  const now = deps.clock.now().toISOString();
  const eventId = newId();
  const errors: FieldError[] = [];
  const tiers: TicketTypeRow[] = (input.ticketTypes ?? []).map((t, i) => {
    const prefix = `ticketTypes.${i}.`;
    let price = 0;
    collect(errors, () => (price = toMinorUnits(t.price, currency, `${prefix}price`)));
    let taxRate = 0;
    if (t.taxRate !== undefined)
      collect(errors, () => (taxRate = taxRateFromPercent(t.taxRate!, `${prefix}taxRate`)));
    const state = {
      limit: t.limit,
      minPerOrder: t.minPerOrder ?? 1,
      maxPerOrder: t.maxPerOrder ?? null,
      salesStart: isoOrNull(t.salesStart),
      salesEnd: isoOrNull(t.salesEnd),
    };
    errors.push(...ticketTypeErrors(state, capacity, prefix));
    return {
      id: newId(),
      event_id: eventId,
      name: t.name.trim(),
      description: t.description ?? null,
      price,
      quantity_limit: t.limit,
      sold: 0,
      held: 0,
      sales_start: state.salesStart,
      sales_end: state.salesEnd,
      min_per_order: state.minPerOrder,
      max_per_order: state.maxPerOrder,
      sort_order: t.sortOrder ?? i,
      tax_rate: taxRate,
      created_at: now,
      updated_at: now,
    };
  });

  const seenCodes = new Set<string>();
  const promotions: PromotionRow[] = [];
  (input.promotions ?? []).forEach((raw, i) => {
    const prefix = `promotions.${i}.`;
    collect(errors, () => {
      const p = expandShorthand(raw, `promotions.${i}`);
      if (p.ticketTypeIds?.length) {
        throw new ValidationError([
          { field: `${prefix}ticketTypeIds`, message: 'add tier-restricted codes after the tiers exist' },
        ]);
      }
      const n = normalizePromotion(p, currency, prefix);
      if (seenCodes.has(n.codeKey))
        throw new ValidationError([{ field: `${prefix}code`, message: 'is a duplicate' }]);
      seenCodes.add(n.codeKey);
      promotions.push({
        id: newId(),
        event_id: eventId,
        code: n.code,
        code_key: n.codeKey,
        kind: n.kind,
        value: n.value,
        max_uses: p.maxUses ?? null,
        uses: 0,
        valid_from: isoOrNull(p.validFrom),
        valid_until: isoOrNull(p.validUntil),
        ticket_type_ids: null,
        min_quantity: p.minQuantity ?? 1,
        created_at: now,
        updated_at: now,
      });
    });
  });
  assertNoErrors(errors);

  const columns = eventColumns({ ...input, currency, timezone: input.timezone ?? 'UTC' });
  const event: EventRow = {
    id: eventId,
    organizer_id: actor.userId,
    status: 'draft',
    name: input.name.trim(),
    description: columns.description ?? '',
    starts_at: columns.starts_at ?? null,
    ends_at: columns.ends_at ?? null,
    listed_until: null,
    timezone: columns.timezone ?? 'UTC',
    currency,
    capacity,
    sold: 0,
    held: 0,
    venue_name: columns.venue_name ?? null,
    venue_address: columns.venue_address ?? null,
    venue_city: columns.venue_city ?? null,
    city_key: null,
    venue_country: columns.venue_country ?? null,
    sales_start: columns.sales_start ?? null,
    sales_end: columns.sales_end ?? null,
    refund_until_hours_before: columns.refund_until_hours_before ?? null,
    // Absent: holders may change names until the start, as before the setting existed.
    holder_change_until_hours_before:
      columns.holder_change_until_hours_before !== undefined ? columns.holder_change_until_hours_before : 0,
    invoicing: columns.invoicing ?? 'off',
    prices_include_tax: columns.prices_include_tax ?? 1,
    image_key: null,
    search_text: '',
    search_name: '',
    search_place: '',
    search_description: '',
    created_at: now,
    updated_at: now,
    published_at: null,
    cancelled_at: null,
  };
  Object.assign(event, derivedColumns(event));

  await deps.db.transaction().execute(async (tx) => {
    await assertInvoicingReady(tx, actor.userId, input.invoicing);
    await tx.insertInto('events').values(event).execute();
    if (tiers.length) await tx.insertInto('ticket_types').values(tiers).execute();
    if (promotions.length) await tx.insertInto('promotions').values(promotions).execute();
    await writeAudit(tx, deps.clock, {
      actorId: actor.userId,
      action: 'event.created',
      targetType: 'event',
      targetId: eventId,
      ip: meta.ip,
      details: { name: event.name, ticketTypes: tiers.length, promotions: promotions.length },
    });
  });
  return toEventView(event, tiers, promotions, 'manager');
}
