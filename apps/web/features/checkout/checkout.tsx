'use client';

import { ApiError, type Order } from '@eventhub/client';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useCallback, useEffect, useRef, useState } from 'react';
import { HoldCountdown } from './hold-countdown';
import { paymentsConfig } from './payments-api';
import { pollUntil } from './poll-until';
import { useCountdown } from './use-countdown';
import { ConfirmAction } from '@/components/confirm-action';
import { FormAlert } from '@/components/form-alert';
import { LiveRemaining } from '@/features/events/live-remaining';
import { useOrderAccess } from '@/features/orders/order-access';
import { OrderSummary } from '@/features/orders/order-summary';
import type { OrderStatus } from '@/features/orders/orders-api';
import { TicketCards } from '@/features/orders/ticket-cards';
import { errorMessage } from '@/lib/error-message';
import { useApiData } from '@/lib/use-api-data';

const HEADINGS: Record<OrderStatus, string> = {
  pending: 'Checkout',
  paid: 'Payment received',
  failed: 'Payment failed',
  cancelled: 'Order cancelled',
  expired: 'Your reservation expired',
  partially_refunded: 'Your order',
  refunded: 'Your order',
};

type Action = 'pay' | 'fail' | 'cancel';

// Stripe.js (and js.stripe.com) is fetched only when checkout really uses Stripe.
const StripePayment = dynamic(() => import('./stripe-payment'), {
  ssr: false,
  loading: () => <p aria-busy="true">Loading the payment form…</p>,
});

// After Stripe accepts a payment, its webhook tells the server; until then the order stays pending.
const POLL_INTERVAL_MS = 2_000;
const POLL_ATTEMPTS = 30;

/** Stripe's verdict when it sends the buyer back here after a redirecting payment method. */
function redirectStatus(): string | null {
  return new URLSearchParams(window.location.search).get('redirect_status');
}

function CheckoutView({ order, onChange }: { order: Order; onChange: (order: Order) => void }) {
  const { call, token } = useOrderAccess();
  const msLeft = useCountdown(order.expiresAt);
  const [busy, setBusy] = useState<Action | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [clientSecret, setClientSecret] = useState<string | null>(null);
  // Stripe took the payment and the server is waiting for its webhook.
  const [confirming, setConfirming] = useState(false);
  const status: OrderStatus =
    order.status === 'pending' && msLeft === 0 && !confirming ? 'expired' : order.status;
  const usesTestProvider = order.payment.provider === 'test';
  const config = useApiData(
    (client) => (usesTestProvider ? Promise.resolve(null) : paymentsConfig(client)),
    String(usesTestProvider),
    call,
  );
  const stripeKey = config.data?.provider === 'stripe' ? config.data.publishableKey : null;

  // Back from a payment method that redirected to the bank and back.
  useEffect(() => {
    if (order.status !== 'pending') return;
    const verdict = redirectStatus();
    if (verdict === 'succeeded' || verdict === 'processing') setConfirming(true);
    else if (verdict === 'failed') setError('The payment did not go through. Please try again.');
    // Only on arrival: the query string does not change while the page is open.
  }, []);

  useEffect(() => {
    if (!confirming) return;
    const controller = new AbortController();
    void pollUntil(
      () => call((client) => client.orders.get(order.id)),
      (latest) => latest.status !== 'pending',
      { intervalMs: POLL_INTERVAL_MS, maxAttempts: POLL_ATTEMPTS, signal: controller.signal },
    ).then((latest) => {
      if (controller.signal.aborted) return;
      setConfirming(false);
      if (latest) onChange(latest);
      else
        setNotice(
          'Your payment is still being confirmed. Reload this page in a minute, or find the tickets under your orders.',
        );
    });
    return () => controller.abort();
  }, [confirming, order.id, call, onChange]);

  // Paying, failing, cancelling or running out of time replaces the buttons that had focus; the
  // new heading takes it, so keyboard and screen-reader users land on what happened.
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownStatus = useRef(status);
  useEffect(() => {
    if (shownStatus.current === status) return;
    shownStatus.current = status;
    headingRef.current?.focus();
  }, [status]);

  async function run(action: Action) {
    setBusy(action);
    setError(null);
    setNotice(null);
    try {
      const updated = await call((client) => {
        if (action === 'cancel') return client.orders.cancel(order.id);
        // The test provider pays or fails as asked; a real provider decides for itself.
        const outcome =
          order.payment.provider === 'test' ? (action === 'fail' ? 'failed' : 'succeeded') : undefined;
        return client.orders.pay(order.id, outcome);
      });
      if (updated.status === 'pending' && updated.payment.clientSecret) {
        if (stripeKey) setClientSecret(updated.payment.clientSecret);
        else setNotice('Card payments are not available here yet. Please try again later.');
      }
      onChange(updated);
    } catch (reason) {
      setError(errorMessage(reason));
      // Most often the hold ran out or the order was settled in another tab: show it as it is now.
      if (reason instanceof ApiError && reason.status === 409) {
        call((client) => client.orders.get(order.id)).then(onChange, () => undefined);
      }
    } finally {
      setBusy(null);
    }
  }

  const eventLink = `/events/${order.eventId}`;
  // A guest's order lives at its own page (the token this tab kept opens it), an account's under it.
  const orderPage = token === null ? `/account/orders/${order.id}` : `/orders/${order.id}`;
  const hasTickets = status === 'paid' || status === 'partially_refunded' || status === 'refunded';
  return (
    <>
      <p>
        <Link href={eventLink}>← {order.eventName}</Link>
      </p>
      <h1 ref={headingRef} tabIndex={-1} className="checkout-heading">
        {HEADINGS[status]}
      </h1>
      <p className="checkout-event">{order.eventName}</p>

      <FormAlert message={error} />
      <div role="status">{notice ? <p className="form-status">{notice}</p> : null}</div>

      {status === 'pending' ? <HoldCountdown msLeft={msLeft} /> : null}
      {status === 'expired' ? (
        <p className="form-alert" data-testid="checkout-expired">
          The time to pay ran out and the tickets went back on sale.{' '}
          <Link href={eventLink}>Back to {order.eventName}</Link> to choose them again.
        </p>
      ) : null}
      {status === 'failed' ? (
        <p className="form-alert">
          The payment did not go through, so the tickets were released. Nothing was charged.{' '}
          <Link href={eventLink}>Back to {order.eventName}</Link> to try again.
        </p>
      ) : null}
      {status === 'cancelled' ? (
        <p>
          This order was cancelled and its tickets released.{' '}
          <Link href={eventLink}>Back to {order.eventName}</Link>
        </p>
      ) : null}

      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">Order summary</h2>
        <OrderSummary order={order} />
        {status === 'pending' ? <LiveRemaining order={order} /> : null}
      </section>

      {status === 'pending' ? (
        <section aria-labelledby="payment-heading" className="checkout-payment">
          <h2 id="payment-heading">Payment</h2>
          {order.payment.provider === 'test' ? (
            <p>This site takes test payments only: no card is needed and nothing is charged.</p>
          ) : null}
          {confirming ? (
            <p aria-busy="true" data-testid="payment-confirming">
              Confirming your payment…
            </p>
          ) : clientSecret && stripeKey ? (
            <StripePayment
              publishableKey={stripeKey}
              clientSecret={clientSecret}
              returnUrl={`${window.location.origin}/checkout/${order.id}`}
              onConfirmed={() => setConfirming(true)}
            />
          ) : null}
          <div className="row-actions">
            {clientSecret && stripeKey ? null : (
              <button
                type="button"
                onClick={() => void run('pay')}
                aria-busy={busy === 'pay'}
                disabled={busy !== null || confirming || (!usesTestProvider && config.loading)}
              >
                {usesTestProvider ? 'Pay now (test payment)' : 'Pay now'}
              </button>
            )}
            <ConfirmAction
              label="Cancel order"
              question="Cancel this order? The tickets go back on sale."
              confirmLabel="Yes, cancel order"
              dismissLabel="Keep my order"
              onConfirm={() => run('cancel')}
              busy={busy === 'cancel'}
              disabled={busy !== null || confirming}
              className="secondary outline"
              confirmClassName="contrast"
            />
          </div>
          {order.payment.provider === 'test' ? (
            <p>
              <button
                type="button"
                className="link-button"
                onClick={() => void run('fail')}
                disabled={busy !== null}
              >
                Simulate a failed payment
              </button>
            </p>
          ) : null}
        </section>
      ) : null}

      {hasTickets ? (
        <section aria-labelledby="tickets-heading">
          <h2 id="tickets-heading">Your tickets</h2>
          {status === 'paid' ? (
            <p className="form-status">
              Thank you! Your tickets are ready.{' '}
              {token === null ? (
                <>
                  They are also kept under <Link href={orderPage}>your orders</Link>.
                </>
              ) : (
                <>
                  We have e-mailed you a link to them; <Link href={orderPage}>your order&apos;s page</Link>{' '}
                  lets you download them, change a holder or ask for a refund.
                </>
              )}
            </p>
          ) : (
            <p>
              <Link href={orderPage}>Manage this order</Link>
            </p>
          )}
          <TicketCards tickets={order.tickets ?? []} currency={order.currency} via={call} />
        </section>
      ) : null}
    </>
  );
}

/** Checkout for one order: the summary, the hold's countdown, payment, then the tickets. */
export function Checkout({ orderId }: { orderId: string }) {
  const { call, token } = useOrderAccess();
  const loaded = useApiData((client) => client.orders.get(orderId), orderId, call);
  const { setData } = loaded;
  // Stable, so the payment confirmation poll is not restarted by every render.
  const replace = useCallback((order: Order) => setData(() => order), [setData]);
  if (!loaded.data) {
    return loaded.error ? (
      <>
        <h1>Checkout</h1>
        <FormAlert message={loaded.error} />
        <p>
          {token === null ? (
            <Link href="/account/orders">Your orders</Link>
          ) : (
            <Link href="/find-tickets">Find my tickets</Link>
          )}
        </p>
      </>
    ) : (
      <p aria-busy="true">Loading your order…</p>
    );
  }
  return <CheckoutView order={loaded.data} onChange={replace} />;
}
