import type { DbOrTx } from '../db/database';
import type { Clock } from '../shared/clock';

/** A payment provider's event (a Stripe webhook delivery), by its id, which repeats on redelivery. */
export interface ProviderEvent {
  id: string;
  type: string;
}

/**
 * Marks a provider event handled, in the transaction that records its effect, so a failure keeps
 * no marker and the redelivery is handled again. False when it was handled already. While
 * another transaction holding the same id is open, PostgreSQL waits for it: a concurrent
 * duplicate sees the outcome of the first (handled if it committed, free if it rolled back).
 */
export async function markEventHandled(db: DbOrTx, clock: Clock, event: ProviderEvent): Promise<boolean> {
  const inserted = await db
    .insertInto('webhook_events')
    .values({ id: event.id, type: event.type, received_at: clock.now().toISOString() })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1;
}
