import { ValidationError, type FieldError } from '../shared/errors';

export interface TicketTypeInput {
  name?: string;
  description?: string | null;
  /** Major units of the event currency. */
  price?: number;
  limit?: number;
  salesStart?: string | null;
  salesEnd?: string | null;
  minPerOrder?: number;
  maxPerOrder?: number | null;
  sortOrder?: number;
  /** Percent, 0–100 with at most two decimals; default 0. */
  taxRate?: number;
}

export interface TicketTypeState {
  limit: number;
  minPerOrder: number;
  maxPerOrder: number | null;
  salesStart: string | null;
  salesEnd: string | null;
}

/** Rules of one tier against itself and the event capacity; `prefix` names the field (`ticketTypes.1.`). */
export function ticketTypeErrors(state: TicketTypeState, capacity: number | null, prefix = ''): FieldError[] {
  const errors: FieldError[] = [];
  if (!Number.isInteger(state.limit) || state.limit < 0) {
    errors.push({ field: `${prefix}limit`, message: 'must be a whole number of at least 0' });
  } else if (capacity !== null && state.limit > capacity) {
    errors.push({ field: `${prefix}limit`, message: `must not exceed the event capacity (${capacity})` });
  }
  if (state.maxPerOrder !== null && state.maxPerOrder < state.minPerOrder) {
    errors.push({ field: `${prefix}maxPerOrder`, message: 'must be at least minPerOrder' });
  }
  if (state.salesStart && state.salesEnd && new Date(state.salesStart) >= new Date(state.salesEnd)) {
    errors.push({ field: `${prefix}salesEnd`, message: 'must be after salesStart' });
  }
  return errors;
}

export function assertNoErrors(errors: FieldError[]): void {
  if (errors.length) throw new ValidationError(errors);
}
