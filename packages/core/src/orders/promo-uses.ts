import { sql } from 'kysely';
import type { Tx } from '../db/database';
import type { PromotionRow } from '../db/schema';
import { PromoInvalidError } from './promo-invalid-error';

// Every rule about a promo code's uses: whether one is left, taking one, giving one back.

const FULLY_REDEEMED = 'This promo code has been fully redeemed';

/** Whether a code has a use left, as last read; `redeemPromoUse` decides for real. */
export function promoUseLeft(promo: Pick<PromotionRow, 'uses' | 'max_uses'>): boolean {
  return promo.max_uses === null || promo.uses < promo.max_uses;
}

/** The early, clear answer before any seat is held; the conditional update below is the guard. */
export function assertPromoUseLeft(promo: Pick<PromotionRow, 'uses' | 'max_uses'>): void {
  if (!promoUseLeft(promo)) throw new PromoInvalidError(FULLY_REDEEMED);
}

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
  if (Number(redeemed.numUpdatedRows) !== 1) throw new PromoInvalidError(FULLY_REDEEMED);
}

/** Gives a use back: the order holding it was released or refunded in full. */
export async function giveBackPromoUse(tx: Tx, promotionId: string): Promise<void> {
  await tx
    .updateTable('promotions')
    .set({ uses: sql<number>`uses - 1` })
    .where('id', '=', promotionId)
    .execute();
}
