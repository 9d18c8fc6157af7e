import type { OrderRow } from '../db/schema';

/** What the checkout asks of a payment provider. Implementations: the built-in test provider and Stripe. */
export interface PaymentProvider {
  readonly name: 'test' | 'stripe';
  /** Starts collecting payment for an order; Stripe returns the PaymentIntent's client secret. */
  startPayment(order: OrderRow): Promise<{ ref: string | null; clientSecret?: string }>;
  /** Pays back `amount` minor units of an order; `idempotencyKey` makes a retried call a no-op. */
  refund(order: OrderRow, amount: number, idempotencyKey: string): Promise<{ ref: string }>;
  /**
   * Stops collecting payment for an order whose hold was released (cancelled, expired), so the
   * buyer cannot complete a payment nobody will honour. Best effort: a payment that succeeded
   * first arrives as a late payment and goes through the sales rules.
   */
  cancelPayment(order: OrderRow): Promise<void>;
}

/**
 * The built-in provider for the offline demo and tests: payment succeeds or fails on request
 * (POST /api/orders/:id/pay), and refunds complete immediately.
 */
export const testPaymentProvider: PaymentProvider = {
  name: 'test',
  startPayment: async (order) => ({ ref: `test_pay_${order.id}` }),
  refund: async (_order, _amount, idempotencyKey) => ({ ref: `test_refund_${idempotencyKey}` }),
  cancelPayment: async () => undefined,
};
