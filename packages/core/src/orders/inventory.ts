import { sql } from 'kysely';
import type { DbOrTx, Tx } from '../db/database';
import { ConflictError } from '../shared/errors';

export interface SeatCount {
  ticketTypeId: string;
  quantity: number;
}

export class SoldOutError extends ConflictError {
  constructor(ticketTypeId?: string) {
    super('sold_out', 'Not enough tickets left', ticketTypeId ? { ticketTypeId } : {});
  }
}

/** Per-tier totals, in a fixed order: every transaction locks tier rows in this order, then the event row. */
export function byTier(items: SeatCount[]): SeatCount[] {
  const totals = new Map<string, number>();
  for (const item of items)
    totals.set(item.ticketTypeId, (totals.get(item.ticketTypeId) ?? 0) + item.quantity);
  return [...totals]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([ticketTypeId, quantity]) => ({ ticketTypeId, quantity }));
}

const seatsOf = (items: SeatCount[]) => items.reduce((sum, i) => sum + i.quantity, 0);

/**
 * Holds seats against each tier's limit AND the event capacity. Every step is one conditional
 * UPDATE (`… WHERE sold + held + n <= limit`), never read-then-write: two buyers racing for the
 * last seat cannot both pass, and buyers who both fit both pass. Throws sold_out; the caller's
 * transaction then rolls back whatever was already held.
 */
export async function holdSeats(tx: Tx, eventId: string, items: SeatCount[]): Promise<void> {
  for (const { ticketTypeId, quantity } of byTier(items)) {
    const tier = await tx
      .updateTable('ticket_types')
      .set((eb) => ({ held: eb('held', '+', quantity) }))
      .where('id', '=', ticketTypeId)
      .where((eb) => eb(eb(eb('sold', '+', eb.ref('held')), '+', quantity), '<=', eb.ref('quantity_limit')))
      .executeTakeFirst();
    if (Number(tier.numUpdatedRows) !== 1) throw new SoldOutError(ticketTypeId);
  }
  const seats = seatsOf(items);
  const event = await tx
    .updateTable('events')
    .set((eb) => ({ held: eb('held', '+', seats) }))
    .where('id', '=', eventId)
    .where((eb) =>
      eb.or([
        eb('capacity', 'is', null),
        eb(eb(eb('sold', '+', eb.ref('held')), '+', seats), '<=', eb.ref('capacity')),
      ]),
    )
    .executeTakeFirst();
  if (Number(event.numUpdatedRows) !== 1) throw new SoldOutError();
}

/** Takes sold seats directly (a late payment whose hold had already been released). */
export async function takeSeatsAsSold(tx: Tx, eventId: string, items: SeatCount[]): Promise<boolean> {
  for (const { ticketTypeId, quantity } of byTier(items)) {
    const tier = await tx
      .updateTable('ticket_types')
      .set((eb) => ({ sold: eb('sold', '+', quantity) }))
      .where('id', '=', ticketTypeId)
      .where((eb) => eb(eb(eb('sold', '+', eb.ref('held')), '+', quantity), '<=', eb.ref('quantity_limit')))
      .executeTakeFirst();
    if (Number(tier.numUpdatedRows) !== 1) return false;
  }
  const seats = seatsOf(items);
  const event = await tx
    .updateTable('events')
    .set((eb) => ({ sold: eb('sold', '+', seats) }))
    .where('id', '=', eventId)
    .where((eb) =>
      eb.or([
        eb('capacity', 'is', null),
        eb(eb(eb('sold', '+', eb.ref('held')), '+', seats), '<=', eb.ref('capacity')),
      ]),
    )
    .executeTakeFirst();
  return Number(event.numUpdatedRows) === 1;
}

/** Moves seats between the counters: held → sold on payment, held → free on expiry, sold → free on refund. */
export async function moveSeats(
  tx: DbOrTx,
  eventId: string,
  items: SeatCount[],
  change: { held: -1 | 0; sold: -1 | 0 | 1 },
): Promise<void> {
  const delta = (n: number) => ({
    held: sql<number>`held + ${change.held * n}`,
    sold: sql<number>`sold + ${change.sold * n}`,
  });
  for (const { ticketTypeId, quantity } of byTier(items)) {
    await tx.updateTable('ticket_types').set(delta(quantity)).where('id', '=', ticketTypeId).execute();
  }
  await tx
    .updateTable('events')
    .set(delta(seatsOf(items)))
    .where('id', '=', eventId)
    .execute();
}
