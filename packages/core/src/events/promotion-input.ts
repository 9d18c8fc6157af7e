import type { PromotionKind } from '../db/schema';
import { ValidationError, type FieldError } from '../shared/errors';
import { toMinorUnits } from '../shared/money';

export interface PromotionObjectInput {
  code: string;
  kind: PromotionKind;
  /** Percent (1–100) or an amount in major units of the event currency. */
  value: number;
  maxUses?: number | null;
  validFrom?: string | null;
  validUntil?: string | null;
  ticketTypeIds?: string[] | null;
  minQuantity?: number;
}

/** API.md: a bare string is a percent code whose trailing number is the percentage ("EARLY25"). */
export type PromotionInput = string | PromotionObjectInput;

const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{2,39}$/;

export function expandShorthand(input: PromotionInput, field: string): PromotionObjectInput {
  if (typeof input !== 'string') return input;
  const match = /(\d+)$/.exec(input);
  const percent = match ? Number(match[1]) : NaN;
  if (!match || percent < 1 || percent > 100 || /^0\d/.test(match[1]!)) {
    throw new ValidationError([
      { field, message: 'a code given as a bare string must end in its percentage, 1–100 (e.g. EARLY25)' },
    ]);
  }
  return { code: input, kind: 'percent', value: percent };
}

/** Normalised promotion fields in storage units; throws 400 naming the fields at `prefix`. */
export function normalizePromotion(
  input: PromotionObjectInput,
  currency: string,
  prefix: string,
): { code: string; codeKey: string; kind: PromotionKind; value: number } {
  const errors: FieldError[] = [];
  if (!CODE.test(input.code)) {
    errors.push({ field: `${prefix}code`, message: 'must be 3–40 letters, digits, - or _' });
  }
  let value = 0;
  if (input.kind === 'percent') {
    if (!Number.isInteger(input.value) || input.value < 1 || input.value > 100) {
      errors.push({ field: `${prefix}value`, message: 'must be a whole percentage from 1 to 100' });
    }
    value = input.value;
  } else if (input.value <= 0) {
    errors.push({ field: `${prefix}value`, message: 'must be greater than 0' });
  } else {
    try {
      value = toMinorUnits(input.value, currency, `${prefix}value`);
    } catch (error) {
      if (error instanceof ValidationError) errors.push(...(error.extra.errors ?? []));
      else throw error;
    }
  }
  if (input.validFrom && input.validUntil && new Date(input.validFrom) >= new Date(input.validUntil)) {
    errors.push({ field: `${prefix}validUntil`, message: 'must be after validFrom' });
  }
  if (errors.length) throw new ValidationError(errors);
  return { code: input.code, codeKey: input.code.toUpperCase(), kind: input.kind, value };
}
