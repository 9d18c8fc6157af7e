import { sql } from 'kysely';
import type { Tx } from '../db/database';
import { engineOf } from '../db/engine-of';
import { ConflictError } from '../shared/errors';

/**
 * One buyer may hold at most `max` live pending orders per event, so a few unpaid orders cannot
 * keep an event's seats from everyone else (each order is already capped by its tiers' per-order
 * maximum). Runs inside the placing transaction, before any seat is held.
 */
export async function assertHoldAllowed(
  tx: Tx,
  hold: { buyerId: string; eventId: string; now: Date; max: number },
): Promise<void> {
  // On PostgreSQL, one buyer's concurrent placements for one event take turns here, so the count
  // below cannot be read by two of them before either inserts (SQLite runs writes one at a time).
  if (engineOf(tx) === 'postgres')
    await sql`select pg_advisory_xact_lock(hashtextextended(${`hold:${hold.buyerId}:${hold.eventId}`}, 0))`.execute(
      tx,
    );
  const { pending } = await tx
    .selectFrom('orders')
    .select((eb) => eb.fn.countAll<number>().as('pending'))
    .where('buyer_id', '=', hold.buyerId)
    .where('event_id', '=', hold.eventId)
    .where('status', '=', 'pending')
    .where('expires_at', '>', hold.now.toISOString())
    .executeTakeFirstOrThrow();
  if (Number(pending) >= hold.max) {
    throw new ConflictError(
      'hold_limit_reached',
      `You already hold ${hold.max} unpaid order(s) for this event: pay or cancel one first`,
      { limit: hold.max },
    );
  }
}
