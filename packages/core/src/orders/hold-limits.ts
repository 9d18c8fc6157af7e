import { sql } from 'kysely';
import type { Tx } from '../db/database';
import { engineOf } from '../db/engine-of';
import { ConflictError } from '../shared/errors';

/** Who is placing the order, as far as hold limits are concerned. */
export type HoldBuyer = { userId: string } | { guestEmail: string; ip: string | null };

export interface HoldLimits {
  /** Live pending orders per event and buyer: an account, or a guest's e-mail address. */
  perBuyer: number;
  /** Live pending guest orders per event and client IP: loose, for buyers behind one address. */
  perIp: number;
}

/**
 * The hold limits, in one place. Per event, one buyer may hold at most `perBuyer` live pending
 * orders, so a few unpaid orders cannot keep an event's seats from everyone else (each order is
 * already capped by its tiers' per-order maximum). A guest is one buyer per e-mail address, as
 * an account is; since an address costs nothing to invent, guests from one client IP together
 * may also hold only `perIp` orders per event, a cap loose enough for an office or campus behind
 * one address. Runs inside the placing transaction, before any seat is held.
 */
export async function assertHoldAllowed(
  tx: Tx,
  hold: { buyer: HoldBuyer; eventId: string; now: Date; limits: HoldLimits },
): Promise<void> {
  const { buyer, eventId, now, limits } = hold;
  const live = tx
    .selectFrom('orders')
    .select((eb) => eb.fn.countAll<number>().as('pending'))
    .where('event_id', '=', eventId)
    .where('status', '=', 'pending')
    .where('expires_at', '>', now.toISOString());

  const buyerKey = 'userId' in buyer ? `user:${buyer.userId}` : `guest:${buyer.guestEmail}`;
  await takeTurns(tx, `hold:${buyerKey}:${eventId}`);
  const { pending } = await (
    'userId' in buyer
      ? live.where('buyer_id', '=', buyer.userId)
      : live.where('buyer_email', '=', buyer.guestEmail)
  ).executeTakeFirstOrThrow();
  if (Number(pending) >= limits.perBuyer) {
    throw new ConflictError(
      'hold_limit_reached',
      `You already hold ${limits.perBuyer} unpaid order(s) for this event: pay or cancel one first`,
      { limit: limits.perBuyer },
    );
  }

  if ('userId' in buyer || buyer.ip === null) return;
  // Always after the buyer's turn (the same order everywhere), so two placements cannot deadlock.
  await takeTurns(tx, `hold-ip:${buyer.ip}:${eventId}`);
  const fromIp = await live
    .where('buyer_id', 'is', null)
    .where('placed_ip', '=', buyer.ip)
    .executeTakeFirstOrThrow();
  if (Number(fromIp.pending) >= limits.perIp) {
    throw new ConflictError(
      'hold_limit_reached',
      'Too many unpaid orders for this event come from your network: pay or cancel one first',
      { limit: limits.perIp },
    );
  }
}

/**
 * On PostgreSQL, placements sharing `key` take turns from here to their commit, so the counts
 * cannot be read by two of them before either inserts (SQLite runs writes one at a time).
 */
async function takeTurns(tx: Tx, key: string): Promise<void> {
  if (engineOf(tx) === 'postgres')
    await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(tx);
}
