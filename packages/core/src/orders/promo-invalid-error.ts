import { DomainError } from '../shared/errors';

/** A promo code that cannot apply to this order: 400 `promo_invalid`, shown beside the code field. */
export class PromoInvalidError extends DomainError {
  constructor(message: string) {
    super('invalid', 'promo_invalid', message, { errors: [{ field: 'promoCode', message }] });
  }
}
