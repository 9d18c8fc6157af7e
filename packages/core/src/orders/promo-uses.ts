import { sql } from 'kysely';
import type { Tx } from '../db/database';
import { PromoInvalidError } from './promo-rules';

/**
 * Takes one use of a promo code. Conditional, like the seats: of buyers racing for a code's last
 * use (placing orders or paying late), exactly one gets it; the others get `promo_invalid`.
 */
export async function redeemPromoUse(tx: Tx, promotionId: string): Promise<void> {
  const redeemed = await tx
    .updateTable('promotions')
    .set({ uses: sql<number>`uses + 1` })
    .where('id', '=', promotionId)
    .where((eb) => eb.or([eb('max_uses', 'is', null), eb('uses', '<', eb.ref('max_uses'))]))
    .executeTakeFirst();
  if (Number(redeemed.numUpdatedRows) !== 1)
    throw new PromoInvalidError('This promo code has been fully redeemed');
}

/** Gives a use back: the order holding it was released or refunded in full. */
export async function giveBackPromoUse(tx: Tx, promotionId: string): Promise<void> {
  await tx
    .updateTable('promotions')
    .set({ uses: sql<number>`uses - 1` })
    .where('id', '=', promotionId)
    .execute();
}
