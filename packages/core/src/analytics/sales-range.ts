import { ValidationError } from '../shared/errors';

/** A half-open window of sale times, [from, to), as ISO strings; either end may be open. */
export interface SalesRange {
  from: string | null;
  to: string | null;
}

export interface SalesRangeInput {
  from?: string | undefined;
  to?: string | undefined;
}

/** Validates `from`/`to` (ISO instants, from before to) into the range the queries filter by. */
export function salesRange(input: SalesRangeInput): SalesRange {
  const from = input.from ? new Date(input.from) : null;
  const to = input.to ? new Date(input.to) : null;
  const errors = [];
  if (from && Number.isNaN(from.getTime()))
    errors.push({ field: 'from', message: 'must be an ISO date-time' });
  if (to && Number.isNaN(to.getTime())) errors.push({ field: 'to', message: 'must be an ISO date-time' });
  if (errors.length) throw new ValidationError(errors);
  if (from && to && from >= to) throw new ValidationError([{ field: 'to', message: 'must be after from' }]);
  return { from: from?.toISOString() ?? null, to: to?.toISOString() ?? null };
}
