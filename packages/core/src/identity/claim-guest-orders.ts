import type { Tx } from '../db/database';

/**
 * Guest orders placed with `email` join the account of `userId`. Called only once the user has
 * proved the address is theirs (a used verification link), never on sign-up: whoever types an
 * address at registration must not see the orders of its real owner.
 */
export async function claimGuestOrders(tx: Tx, userId: string, email: string): Promise<void> {
  await tx
    .updateTable('orders')
    .set({ buyer_id: userId })
    .where('buyer_id', 'is', null)
    .where('buyer_email', '=', email)
    .execute();
}
