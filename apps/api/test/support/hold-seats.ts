import { holdSeats } from '../../../../packages/core/src/orders/inventory';
import type { Db } from '@eventhub/core';

/**
 * The two ways to reserve a seat, side by side. `unguarded` is the classic bug (read the
 * counter, check it, write it back) kept here only to prove the race exists; `guarded` is what
 * the checkout uses: one conditional UPDATE per row inside a transaction.
 */
export const holdSeatsForTests = {
  async unguarded(db: Db, ticketTypeId: string, quantity: number): Promise<boolean> {
    const tier = await db
      .selectFrom('ticket_types')
      .select(['sold', 'held', 'quantity_limit'])
      .where('id', '=', ticketTypeId)
      .executeTakeFirstOrThrow();
    if (tier.sold + tier.held + quantity > tier.quantity_limit) return false;
    // Yield as a real request would between its read and its write (network, other work).
    await new Promise((r) => setImmediate(r));
    await db
      .updateTable('ticket_types')
      .set({ held: tier.held + quantity })
      .where('id', '=', ticketTypeId)
      .execute();
    return true;
  },

  async guarded(db: Db, eventId: string, ticketTypeId: string, quantity: number): Promise<boolean> {
    return db
      .transaction()
      .execute((tx) => holdSeats(tx, eventId, [{ ticketTypeId, quantity }]))
      .then(() => true)
      .catch((error: { code?: string }) => {
        if (error.code === 'sold_out') return false;
        throw error;
      });
  },
};
