import type { CoreDeps } from '../shared/core-deps';
import type { EventDeps } from './event-deps';
import type { AuditAction } from '../audit/audit-actions';
import { writeAudit } from '../audit/write-audit';
import type { Tx } from '../db/database';
import type { EventRow, PromotionRow } from '../db/schema';
import type { Actor, RequestMeta } from '../shared/actor';
import { isUniqueViolation } from '../db/unique-violation';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors';
import { newId } from '../shared/ids';
import { findManagedEvent } from './event-access';
import { toPromotionView, type PromotionView } from './event-view';
import { isoOrNull } from './places-and-times';
import { normalizePromotion, type PromotionObjectInput } from './promotion-input';

const duplicate = () =>
  new ConflictError('promo_code_taken', 'This event already has a promo code with that name');

async function assertCodeFree(tx: Tx, eventId: string, codeKey: string): Promise<void> {
  const taken = await tx
    .selectFrom('promotions')
    .select('id')
    .where('event_id', '=', eventId)
    .where('code_key', '=', codeKey)
    .executeTakeFirst();
  if (taken) throw duplicate();
}

async function checkTicketTypes(
  tx: Tx,
  eventId: string,
  ids: string[] | null | undefined,
): Promise<string | null> {
  if (!ids || ids.length === 0) return null;
  const unique = [...new Set(ids)];
  const found = await tx
    .selectFrom('ticket_types')
    .select('id')
    .where('event_id', '=', eventId)
    .where('id', 'in', unique)
    .execute();
  if (found.length !== unique.length) {
    throw new ValidationError([{ field: 'ticketTypeIds', message: 'must list ticket types of this event' }]);
  }
  return JSON.stringify(unique);
}

async function findPromotion(tx: Tx, eventId: string, promotionId: string): Promise<PromotionRow> {
  const row = await tx
    .selectFrom('promotions')
    .selectAll()
    .where('id', '=', promotionId)
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('Promotion');
  return row;
}

async function audit(
  tx: Tx,
  deps: EventDeps,
  actor: Actor,
  meta: RequestMeta,
  action: AuditAction,
  promo: PromotionRow,
) {
  await writeAudit(tx, deps.clock, {
    actorId: actor.userId,
    action,
    targetType: 'promotion',
    targetId: promo.id,
    ip: meta.ip,
    details: { eventId: promo.event_id, code: promo.code, kind: promo.kind, value: promo.value },
  });
}

/** The event's promo codes with their uses so far (organizer and admins only). */
export async function listPromotions(
  deps: CoreDeps,
  actor: Actor,
  eventId: string,
): Promise<{ items: PromotionView[] }> {
  const { db } = deps;
  const event = await findManagedEvent(db, actor, eventId);
  const rows = await db
    .selectFrom('promotions')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('created_at')
    .execute();
  return { items: rows.map((r) => toPromotionView(r, event.currency)) };
}

/** Adds a code; codes are case-insensitive and unique per event (409 `promo_code_taken`). */
export async function createPromotion(
  deps: EventDeps,
  actor: Actor,
  eventId: string,
  input: PromotionObjectInput,
  meta: RequestMeta,
): Promise<PromotionView> {
  try {
    return await deps.db.transaction().execute(async (tx) => {
      const event = await findManagedEvent(tx, actor, eventId);
      const n = normalizePromotion(input, event.currency, '');
      await assertCodeFree(tx, eventId, n.codeKey);
      const now = deps.clock.now().toISOString();
      const row: PromotionRow = {
        id: newId(),
        event_id: eventId,
        code: n.code,
        code_key: n.codeKey,
        kind: n.kind,
        value: n.value,
        max_uses: input.maxUses ?? null,
        uses: 0,
        valid_from: isoOrNull(input.validFrom),
        valid_until: isoOrNull(input.validUntil),
        ticket_type_ids: await checkTicketTypes(tx, eventId, input.ticketTypeIds),
        min_quantity: input.minQuantity ?? 1,
        created_at: now,
        updated_at: now,
      };
      await tx.insertInto('promotions').values(row).execute();
      await audit(tx, deps, actor, meta, 'promotion.created', row);
      return toPromotionView(row, event.currency);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
}

/** Edits a code. `maxUses` cannot go below the uses already made (409 `max_uses_below_uses`). */
export async function updatePromotion(
  deps: EventDeps,
  actor: Actor,
  eventId: string,
  promotionId: string,
  input: Partial<PromotionObjectInput>,
  meta: RequestMeta,
): Promise<PromotionView> {
  try {
    return await deps.db.transaction().execute(async (tx) => {
      const event: EventRow = await findManagedEvent(tx, actor, eventId);
      const current = await findPromotion(tx, eventId, promotionId);
      const currentView = toPromotionView(current, event.currency);
      const merged: PromotionObjectInput = {
        code: input.code ?? current.code,
        kind: input.kind ?? current.kind,
        value: input.value ?? currentView.value,
        validFrom: input.validFrom !== undefined ? input.validFrom : current.valid_from,
        validUntil: input.validUntil !== undefined ? input.validUntil : current.valid_until,
      };
      const n = normalizePromotion(merged, event.currency, '');
      const maxUses = input.maxUses !== undefined ? input.maxUses : current.max_uses;
      if (n.codeKey !== current.code_key) {
        await assertCodeFree(tx, eventId, n.codeKey);
      }
      const changes = {
        code: n.code,
        code_key: n.codeKey,
        kind: n.kind,
        value: n.value,
        max_uses: maxUses,
        valid_from: isoOrNull(merged.validFrom),
        valid_until: isoOrNull(merged.validUntil),
        ticket_type_ids:
          input.ticketTypeIds !== undefined
            ? await checkTicketTypes(tx, eventId, input.ticketTypeIds)
            : current.ticket_type_ids,
        min_quantity: input.minQuantity ?? current.min_quantity,
        updated_at: deps.clock.now().toISOString(),
      };
      // Conditional on the live use count, so a concurrent redemption cannot end up above maxUses.
      const result = await tx
        .updateTable('promotions')
        .set(changes)
        .where('id', '=', promotionId)
        .where((eb) => (maxUses === null ? eb.lit(true) : eb('uses', '<=', maxUses)))
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) {
        throw new ConflictError(
          'max_uses_below_uses',
          `maxUses cannot go below the ${current.uses} uses already made`,
        );
      }
      const updated = { ...current, ...changes };
      await audit(tx, deps, actor, meta, 'promotion.updated', updated);
      return toPromotionView(updated, event.currency);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
}

/** Removes a code that was never used; a used one is kept for the books (409 `promotion_used`). */
export async function deletePromotion(
  deps: EventDeps,
  actor: Actor,
  eventId: string,
  promotionId: string,
  meta: RequestMeta,
): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    await findManagedEvent(tx, actor, eventId);
    const promo = await findPromotion(tx, eventId, promotionId);
    const deleted = await tx
      .deleteFrom('promotions')
      .where('id', '=', promotionId)
      .where('uses', '=', 0)
      .executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0) {
      throw new ConflictError(
        'promotion_used',
        'A code that has been used cannot be deleted; set its validUntil instead',
      );
    }
    await audit(tx, deps, actor, meta, 'promotion.deleted', promo);
  });
}
