import type { Order } from '@eventhub/client';
import { orderTaxLine } from './order-taxes';
import { formatMoney } from '@/lib/event-format';
import { sumMoney } from '@/lib/money';

/**
 * The order's lines at list price, then any tax added on top, subtotal, the promo discount, the
 * total the buyer is charged (with the tax it includes) and any refunds.
 */
export function OrderSummary({ order }: { order: Order }) {
  const money = (amount: number) => formatMoney(amount, order.currency);
  const tax = orderTaxLine(order);
  return (
    <table className="order-summary" data-testid="order-summary">
      <caption className="visually-hidden">Order summary</caption>
      <thead className="visually-hidden">
        <tr>
          <th scope="col">Tickets</th>
          <th scope="col">Amount</th>
        </tr>
      </thead>
      <tbody>
        {order.items.map((item) => (
          <tr key={item.ticketTypeId}>
            <th scope="row">
              {item.name} × {item.quantity}
              <small className="order-line-unit">{money(item.unitPrice)} each</small>
            </th>
            <td>{money(sumMoney([{ amount: item.unitPrice, quantity: item.quantity }], order.currency))}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        {tax.kind === 'added' ? (
          <tr data-testid="order-tax">
            <th scope="row">{tax.label}</th>
            <td>{money(tax.amount)}</td>
          </tr>
        ) : null}
        {tax.kind === 'reverse-charge' ? (
          <tr data-testid="order-tax">
            <th scope="row">{tax.label}</th>
            <td>{tax.amount < 0 ? `−${money(-tax.amount)}` : money(0)}</td>
          </tr>
        ) : null}
        <tr>
          <th scope="row">Subtotal</th>
          <td>{money(order.subtotal)}</td>
        </tr>
        {order.discount > 0 || order.promoCode ? (
          <tr data-testid="order-discount">
            <th scope="row">Discount{order.promoCode ? <> (code {order.promoCode})</> : null}</th>
            <td>−{money(order.discount)}</td>
          </tr>
        ) : null}
        <tr className="order-total" data-testid="order-total">
          <th scope="row">Total</th>
          <td>{money(order.total)}</td>
        </tr>
        {tax.kind === 'included' ? (
          <tr className="order-tax-included" data-testid="order-tax">
            <th scope="row">{tax.label}</th>
            <td>{money(tax.amount)}</td>
          </tr>
        ) : null}
        {order.refunded > 0 ? (
          <tr data-testid="order-refunded">
            <th scope="row">Refunded</th>
            <td>−{money(order.refunded)}</td>
          </tr>
        ) : null}
      </tfoot>
    </table>
  );
}
