import { ValidationError } from './errors';

// Tax rates are kept as integer basis points of a percent (19.00 % = 1900, 7.5 % = 750), so a
// rate with two decimals is exact and tax arithmetic stays in integers.

/** A percent as clients send it (0–100, at most two decimals) to basis points; 400 otherwise. */
export function taxRateFromPercent(percent: number, field: string): number {
  const basisPoints = Math.round(percent * 100);
  if (!Number.isFinite(percent) || percent < 0 || percent > 100 || basisPoints / 100 !== percent)
    throw new ValidationError([
      { field, message: 'must be a percent from 0 to 100 with at most two decimals' },
    ]);
  return basisPoints;
}

/** Basis points back to the API's percent number (1900 → 19, 750 → 7.5). */
export function taxRatePercent(basisPoints: number): number {
  return basisPoints / 100;
}
