import { sql } from 'kysely';
import type { Tx } from '../db/database';

/**
 * Guest orders placed with `email` join the account of `userId`. Called only once the user has
 * proved the address is theirs (a used verification link), never on sign-up: whoever types an
 * address at registration must not see the orders of its real owner.
 */
export async function claimGuestOrders(tx: Tx, userId: string, email: string): Promise<void> {
  await sql`UPDATE orders SET buyer_id = ${userId} WHERE buyer_id IS NULL AND buyer_email = ${email}`.execute(
    tx,
  );
}
