import type { OrderRow } from '../db/schema';
import type { PaymentProvider } from './payment-provider';

/**
 * After a hold was released: cancels the payment the buyer may have started (a Stripe
 * PaymentIntent). Never fails the caller, whose work is committed: a provider that cannot be
 * reached leaves a payment that, if completed, arrives late and is refused or honoured by the
 * sales rules like any other.
 */
export async function cancelStartedPayment(payments: PaymentProvider, order: OrderRow): Promise<void> {
  if (!order.payment_ref || order.payment_provider !== payments.name) return;
  await payments.cancelPayment(order).catch(() => undefined);
}
