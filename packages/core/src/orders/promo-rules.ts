import type { PromotionRow } from '../db/schema';
import type { DiscountRule } from './pricing';
import type { SeatCount } from './inventory';
import { PromoInvalidError } from './promo-invalid-error';
import { assertPromoUseLeft } from './promo-uses';

/**
 * Checks a code against an order: validity window, eligible tiers, minimum quantity and (unless
 * the order already holds one of its uses) whether a use is left (`promo-uses.ts`).
 */
export function checkPromotion(
  promo: PromotionRow | undefined,
  now: Date,
  items: SeatCount[],
  options: { countUses: boolean } = { countUses: true },
): DiscountRule {
  if (!promo) throw new PromoInvalidError('This promo code does not exist for this event');
  if (promo.valid_from && now < new Date(promo.valid_from))
    throw new PromoInvalidError('This promo code is not valid yet');
  if (promo.valid_until && now >= new Date(promo.valid_until))
    throw new PromoInvalidError('This promo code has expired');
  if (options.countUses) assertPromoUseLeft(promo);
  const tiers = promo.ticket_type_ids ? (JSON.parse(promo.ticket_type_ids) as string[]) : null;
  const eligible = items
    .filter((i) => !tiers || tiers.includes(i.ticketTypeId))
    .reduce((sum, i) => sum + i.quantity, 0);
  if (eligible === 0) throw new PromoInvalidError('This promo code does not apply to the chosen tickets');
  if (eligible < promo.min_quantity) {
    throw new PromoInvalidError(`This promo code needs at least ${promo.min_quantity} eligible tickets`);
  }
  return { kind: promo.kind, value: promo.value, ticketTypeIds: tiers };
}
