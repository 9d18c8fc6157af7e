'use client';

import { ApiError } from '@eventhub/client';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { ConfirmAction } from './confirm-action';
import { FormAlert } from './form-alert';
import { HoldCountdown } from './hold-countdown';
import { OrderSummary } from './order-summary';
import { TicketCards } from './ticket-cards';
import { useAuth } from '@/lib/auth-context';
import { errorMessage } from '@/lib/error-message';
import { orders, type Order, type OrderStatus } from '@/lib/orders-api';
import { useApiData } from '@/lib/use-api-data';
import { useCountdown } from '@/lib/use-countdown';

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

function CheckoutView({ order, onChange }: { order: Order; onChange: (order: Order) => void }) {
  const { authed } = useAuth();
  const msLeft = useCountdown(order.expiresAt);
  const status: OrderStatus = order.status === 'pending' && msLeft === 0 ? 'expired' : order.status;
  const [busy, setBusy] = useState<Action | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

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
      const updated = await authed((client) => {
        if (action === 'cancel') return orders(client).cancel(order.id);
        // The test provider pays or fails as asked; a real provider decides for itself.
        const outcome =
          order.payment.provider === 'test' ? (action === 'fail' ? 'failed' : 'succeeded') : undefined;
        return orders(client).pay(order.id, outcome);
      });
      if (updated.status === 'pending' && updated.payment.clientSecret) {
        setNotice('Card payments are not available here yet. Please try again later.');
      }
      onChange(updated);
    } catch (reason) {
      setError(errorMessage(reason));
      // Most often the hold ran out or the order was settled in another tab: show it as it is now.
      if (reason instanceof ApiError && reason.status === 409) {
        authed((client) => orders(client).get(order.id)).then(onChange, () => undefined);
      }
    } finally {
      setBusy(null);
    }
  }

  const eventLink = `/events/${order.eventId}`;
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
      </section>

      {status === 'pending' ? (
        <section aria-labelledby="payment-heading" className="checkout-payment">
          <h2 id="payment-heading">Payment</h2>
          {order.payment.provider === 'test' ? (
            <p>This site takes test payments only: no card is needed and nothing is charged.</p>
          ) : null}
          <div className="row-actions">
            <button
              type="button"
              onClick={() => void run('pay')}
              aria-busy={busy === 'pay'}
              disabled={busy !== null}
            >
              {order.payment.provider === 'test' ? 'Pay now (test payment)' : 'Pay now'}
            </button>
            <ConfirmAction
              label="Cancel order"
              question="Cancel this order? The tickets go back on sale."
              confirmLabel="Yes, cancel order"
              dismissLabel="Keep my order"
              onConfirm={() => run('cancel')}
              busy={busy === 'cancel'}
              disabled={busy !== null}
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
              Thank you! Your tickets are ready. They are also kept under{' '}
              <Link href={`/account/orders/${order.id}`}>your orders</Link>.
            </p>
          ) : (
            <p>
              <Link href={`/account/orders/${order.id}`}>Manage this order</Link>
            </p>
          )}
          <TicketCards tickets={order.tickets ?? []} currency={order.currency} />
        </section>
      ) : null}
    </>
  );
}

/** Checkout for one order: the summary, the hold's countdown, payment, then the tickets. */
export function Checkout({ orderId }: { orderId: string }) {
  const loaded = useApiData((client) => orders(client).get(orderId), orderId);
  const { setData } = loaded;
  if (!loaded.data) {
    return loaded.error ? (
      <>
        <h1>Checkout</h1>
        <FormAlert message={loaded.error} />
        <p>
          <Link href="/account/orders">Your orders</Link>
        </p>
      </>
    ) : (
      <p aria-busy="true">Loading your order…</p>
    );
  }
  return <CheckoutView order={loaded.data} onChange={(order) => setData(() => order)} />;
}
