import { sql } from 'kysely';
import type { DbOrTx, Tx } from '../db/database';
import { engineOf } from '../db/engine-of';
import { byCodeUnits } from '../db/code-unit-order';
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
    .sort(([a], [b]) => byCodeUnits(a, b))
    .map(([ticketTypeId, quantity]) => ({ ticketTypeId, quantity }));
}

const seatsOf = (items: SeatCount[]) => items.reduce((sum, i) => sum + i.quantity, 0);

/**
 * Adds seats to one counter (`held` for a new order, `sold` for a late payment) against each
 * tier's limit AND the event capacity. Every step is one conditional UPDATE (`… WHERE sold +
 * held + n <= limit`), never read-then-write: two buyers racing for the last seat cannot both
 * pass, and buyers who both fit both pass. Returns false at the first row that has no room; the
 * caller's transaction then rolls back whatever was already taken.
 */
async function addSeats(
  tx: Tx,
  eventId: string,
  items: SeatCount[],
  counter: 'held' | 'sold',
): Promise<string | true | null> {
  if (engineOf(tx) === 'postgres') return addSeatsInOneStatement(tx, eventId, items, counter);
  for (const { ticketTypeId, quantity } of byTier(items)) {
    const tier = await tx
      .updateTable('ticket_types')
      .set({ [counter]: sql<number>`${sql.ref(counter)} + ${quantity}` })
      .where('id', '=', ticketTypeId)
      .where((eb) => eb(eb(eb('sold', '+', eb.ref('held')), '+', quantity), '<=', eb.ref('quantity_limit')))
      .executeTakeFirst();
    if (Number(tier.numUpdatedRows) !== 1) return ticketTypeId;
  }
  const seats = seatsOf(items);
  const event = await tx
    .updateTable('events')
    .set({ [counter]: sql<number>`${sql.ref(counter)} + ${seats}` })
    .where('id', '=', eventId)
    .where((eb) =>
      eb.or([
        eb('capacity', 'is', null),
        eb(eb(eb('sold', '+', eb.ref('held')), '+', seats), '<=', eb.ref('capacity')),
      ]),
    )
    .executeTakeFirst();
  return Number(event.numUpdatedRows) === 1 ? true : null;
}

/**
 * The same conditional updates as one PostgreSQL statement (data-modifying CTEs). On a hot tier
 * every buyer queues for the tier's row lock, which is held from the first update to COMMIT:
 * one round trip instead of one per row shortens that wait for everyone behind. Each update
 * waits for the one before it (its `exists` gate), so rows are still locked in `byTier` order,
 * and nothing after a full row is touched.
 */
async function addSeatsInOneStatement(
  tx: Tx,
  eventId: string,
  items: SeatCount[],
  counter: 'held' | 'sold',
): Promise<string | true | null> {
  const tiers = byTier(items);
  const seats = seatsOf(items);
  const column = sql.ref(counter);
  const step = (i: number) => sql.raw(`tier_${i}`);
  const gate = (i: number) => (i === 0 ? sql`` : sql`and exists (select 1 from ${step(i - 1)})`);
  const updates = tiers.map(
    ({ ticketTypeId, quantity }, i) =>
      sql`${step(i)} as (update ticket_types set ${column} = ${column} + ${quantity}
        where id = ${ticketTypeId} and sold + held + ${quantity} <= quantity_limit ${gate(i)}
        returning id)`,
  );
  const counts = tiers.map((_, i) => sql`(select count(*) from ${step(i)}) as ${step(i)}`);
  const result = await sql<Record<string, number>>`
    with ${sql.join(updates)},
    event_row as (update events set ${column} = ${column} + ${seats}
      where id = ${eventId} and exists (select 1 from ${step(tiers.length - 1)})
        and (capacity is null or sold + held + ${seats} <= capacity)
      returning id)
    select ${sql.join(counts)}, (select count(*) from event_row) as event_row`.execute(tx);
  const row = result.rows[0]!;
  const full = tiers.findIndex((_, i) => Number(row[`tier_${i}`]) !== 1);
  if (full >= 0) return tiers[full]!.ticketTypeId;
  return Number(row.event_row) === 1 ? true : null;
}

/** Holds seats for a new order; throws sold_out when a tier or the event has no room. */
export async function holdSeats(tx: Tx, eventId: string, items: SeatCount[]): Promise<void> {
  const result = await addSeats(tx, eventId, items, 'held');
  if (result !== true) throw new SoldOutError(result ?? undefined);
}

/** Takes sold seats directly (a late payment whose hold had already been released). */
export async function takeSeatsAsSold(tx: Tx, eventId: string, items: SeatCount[]): Promise<boolean> {
  return (await addSeats(tx, eventId, items, 'sold')) === true;
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
