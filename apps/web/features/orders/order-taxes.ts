import type { Order } from '@eventhub/client';
import { currencyDigits, sumMoney } from '../../lib/money';
import { formatTaxRates } from '../../lib/tax-format';

/**
 * The tax line of an order's summary. The order's lines carry the tier prices as the organizer
 * entered them, and `subtotal` is what those come to with any tax added on top, so:
 * - `added`: prices exclude tax; the line comes between the lines and the subtotal.
 * - `included`: prices include tax; the line says how much of the total is tax.
 * - `reverse-charge`: no VAT charged (EU reverse charge); `amount` is what that took off the
 *   lines' prices (the tax a tax-inclusive price contained), 0 or less.
 */
export type OrderTaxLine =
  | { kind: 'none' }
  | { kind: 'added' | 'included'; label: string; amount: number }
  | { kind: 'reverse-charge'; label: string; amount: number };

type TaxedOrder = Pick<Order, 'items' | 'subtotal' | 'tax' | 'reverseCharge' | 'currency'>;

export function orderTaxLine(order: TaxedOrder): OrderTaxLine {
  const lines = sumMoney(
    order.items.map((item) => ({ amount: item.unitPrice, quantity: item.quantity })),
    order.currency,
  );
  const factor = 10 ** currencyDigits(order.currency);
  const minor = (amount: number) => Math.round(amount * factor);
  if (order.reverseCharge) {
    return {
      kind: 'reverse-charge',
      label: 'No VAT (reverse charge)',
      amount: (minor(order.subtotal) - minor(lines)) / factor,
    };
  }
  if (order.tax <= 0) return { kind: 'none' };
  const rates = formatTaxRates(order.items.filter((item) => item.tax > 0).map((item) => item.taxRate));
  const added = minor(lines) + minor(order.tax) === minor(order.subtotal);
  return added
    ? { kind: 'added', label: `+ ${rates} VAT`, amount: order.tax }
    : { kind: 'included', label: `incl. ${rates} VAT`, amount: order.tax };
}
