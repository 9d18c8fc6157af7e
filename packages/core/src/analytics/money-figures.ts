import { toMajorUnits } from '../shared/money';

/** Minor-unit sums of sold orders, as the queries return them. */
export interface SalesSums {
  orders: number;
  subtotal: number;
  discount: number;
  refunded: number;
}

/** `gross` is the list price sold, `discounts` what promo codes took off, `refunds` what went back. */
export interface RevenueView {
  gross: number;
  discounts: number;
  refunds: number;
  net: number;
}

export const NO_SALES: SalesSums = { orders: 0, subtotal: 0, discount: 0, refunded: 0 };

export function addSums(a: SalesSums, b: SalesSums): SalesSums {
  return {
    orders: a.orders + b.orders,
    subtotal: a.subtotal + b.subtotal,
    discount: a.discount + b.discount,
    refunded: a.refunded + b.refunded,
  };
}

/** Sums from SQL: PostgreSQL's SUM of no rows is NULL, and its bigints arrive as numbers. */
export function salesSumsOf(row: {
  orders: number | string | null;
  subtotal: number | string | null;
  discount: number | string | null;
  refunded: number | string | null;
}): SalesSums {
  return {
    orders: Number(row.orders ?? 0),
    subtotal: Number(row.subtotal ?? 0),
    discount: Number(row.discount ?? 0),
    refunded: Number(row.refunded ?? 0),
  };
}

/** Integer arithmetic in minor units first; major units only at the edge. */
export function revenueView(sums: SalesSums, currency: string): RevenueView {
  const net = sums.subtotal - sums.discount - sums.refunded;
  return {
    gross: toMajorUnits(sums.subtotal, currency),
    discounts: toMajorUnits(sums.discount, currency),
    refunds: toMajorUnits(sums.refunded, currency),
    net: toMajorUnits(net, currency),
  };
}

/** A share in [0, 1] with four decimals; zero when there is nothing to divide by. */
export function ratio(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0;
}
