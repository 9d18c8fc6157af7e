import type { PromotionKind } from '../db/schema';

export interface PriceLineInput {
  ticketTypeId: string;
  quantity: number;
  /** Minor units. */
  unitPrice: number;
}

export interface PricedLine extends PriceLineInput {
  discount: number;
  total: number;
}

export interface DiscountRule {
  kind: PromotionKind;
  /** Percent 1–100, or minor units off each eligible ticket. */
  value: number;
  /** null: every tier is eligible. */
  ticketTypeIds: string[] | null;
}

export interface PricedOrder {
  lines: PricedLine[];
  subtotal: number;
  discount: number;
  total: number;
}

/** Percent of an integer amount, rounded half-up, in integers only (no floating-point money). */
export function percentOf(amount: number, percent: number): number {
  return Math.floor((amount * percent + 50) / 100);
}

function lineDiscount(line: PriceLineInput, rule: DiscountRule | null): number {
  if (!rule || (rule.ticketTypeIds && !rule.ticketTypeIds.includes(line.ticketTypeId))) return 0;
  const gross = line.unitPrice * line.quantity;
  const off =
    rule.kind === 'percent'
      ? percentOf(gross, rule.value)
      : Math.min(rule.value, line.unitPrice) * line.quantity;
  // A discount never makes a line negative.
  return Math.min(off, gross);
}

/**
 * Prices an order: each line's discount is computed and rounded on its own (percent: half-up per
 * line; fixed: that much off each eligible ticket, never below zero), then summed.
 */
export function priceOrder(lines: PriceLineInput[], rule: DiscountRule | null): PricedOrder {
  const priced = lines.map((line) => {
    const discount = lineDiscount(line, rule);
    return { ...line, discount, total: line.unitPrice * line.quantity - discount };
  });
  const subtotal = priced.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0);
  const discount = priced.reduce((sum, l) => sum + l.discount, 0);
  return { lines: priced, subtotal, discount, total: subtotal - discount };
}
