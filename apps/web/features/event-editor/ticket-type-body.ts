import type { TicketType, TicketTypeInput, TicketTypePatch } from '@eventhub/client';
import { optionalInt } from './event-form';

/** The ticket type form's fields, read as the API names them. */
function readFields(form: FormData) {
  return {
    name: String(form.get('name') ?? '').trim(),
    price: Number(form.get('price') ?? 0),
    limit: Number(form.get('limit') ?? 0),
    minPerOrder: optionalInt(form, 'minPerOrder') ?? 1,
    maxPerOrder: optionalInt(form, 'maxPerOrder'),
    description: String(form.get('description') ?? '').trim() || null,
    // Percent; left empty it is none.
    taxRate: Number(form.get('taxRate') || 0),
  };
}

/** A new tier's body; empty optional fields are left out, so the API's defaults apply. */
export function readNewTicketType(form: FormData): TicketTypeInput {
  const { maxPerOrder, description, taxRate, ...required } = readFields(form);
  return {
    ...required,
    ...(maxPerOrder !== null ? { maxPerOrder } : {}),
    ...(description !== null ? { description } : {}),
    ...(taxRate !== 0 ? { taxRate } : {}),
  };
}

/** An edit's PATCH: only what changed, a cleared field as null. */
export function readTicketTypeChanges(form: FormData, tier: TicketType): TicketTypePatch {
  const next = readFields(form);
  const patch: TicketTypePatch = {};
  if (next.name !== tier.name) patch.name = next.name;
  if (next.price !== tier.price) patch.price = next.price;
  if (next.limit !== tier.limit) patch.limit = next.limit;
  if (next.minPerOrder !== tier.minPerOrder) patch.minPerOrder = next.minPerOrder;
  if (next.maxPerOrder !== tier.maxPerOrder) patch.maxPerOrder = next.maxPerOrder;
  if (next.description !== (tier.description || null)) patch.description = next.description;
  if (next.taxRate !== tier.taxRate) patch.taxRate = next.taxRate;
  return patch;
}
