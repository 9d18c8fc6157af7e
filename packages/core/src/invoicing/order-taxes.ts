import { taxLine, type TaxMode } from './line-taxes';

interface DiscountedLine {
  ticketTypeId: string;
  quantity: number;
  unitPrice: number;
  discount: number;
  /** After discount, as the prices are entered. */
  total: number;
}

export interface TaxedLine extends DiscountedLine {
  /** Basis points applied. */
  taxRate: number;
  tax: number;
  /** What the buyer pays for the line. */
  gross: number;
}

export interface TaxedOrder {
  lines: TaxedLine[];
  /** Before discounts, with tax added on top where prices exclude it: subtotal − discount = total. */
  subtotal: number;
  discount: number;
  /** What the buyer pays. */
  total: number;
  tax: number;
}

/**
 * Taxes a priced order line by line (`line-taxes.ts` has the rule). The order's money keeps its
 * meaning for every reader: `total` is what is charged and `subtotal − discount = total`.
 */
export function taxOrder(
  lines: DiscountedLine[],
  rateOf: (ticketTypeId: string) => number,
  mode: TaxMode,
): TaxedOrder {
  const taxed = lines.map((line) => {
    const { rate, tax, gross } = taxLine(line.total, rateOf(line.ticketTypeId), mode);
    return { ...line, taxRate: rate, tax, gross };
  });
  const discount = taxed.reduce((sum, l) => sum + l.discount, 0);
  const total = taxed.reduce((sum, l) => sum + l.gross, 0);
  return {
    lines: taxed,
    subtotal: total + discount,
    discount,
    total,
    tax: taxed.reduce((sum, l) => sum + l.tax, 0),
  };
}
