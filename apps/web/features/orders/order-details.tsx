'use client';

import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import type { Order, Refund } from '@eventhub/client';
import { formatPlacedAt } from './order-dates';
import { OrderDownloads } from './order-downloads';
import { effectiveStatus } from './order-status';
import { OrderStatusBadge } from './order-status-badge';
import { OrderSummary } from './order-summary';
import { RefundPanel } from './refund-panel';
import { refundPolicyText } from './refund-policy';
import { TicketCards } from './ticket-cards';
import { ConfirmAction } from '@/components/confirm-action';
import { FormAlert } from '@/components/form-alert';
import { useAuth } from '@/lib/auth-context';
import { errorMessage } from '@/lib/error-message';
import { formatMoney } from '@/lib/event-format';
import { useApiData } from '@/lib/use-api-data';

function refundNotice(refund: Refund): string {
  const amount = formatMoney(refund.amount, refund.currency);
  const tickets = `${refund.ticketIds.length} ${refund.ticketIds.length === 1 ? 'ticket' : 'tickets'}`;
  if (refund.status === 'failed')
    return `The refund of ${amount} could not be paid out yet; it will be retried.`;
  if (refund.status === 'pending' && refund.amount > 0)
    return `Refund of ${amount} for ${tickets} started; the money goes back to the original payment method.`;
  return `Refunded ${amount} for ${tickets}. The refunded tickets are no longer valid.`;
}

function OrderView({
  order,
  onChange,
  reload,
}: {
  order: Order;
  onChange: (o: Order) => void;
  reload: () => void;
}) {
  const { session, authed } = useAuth();
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const [focusOutcome, setFocusOutcome] = useState(0);
  useEffect(() => {
    if (focusOutcome > 0) outcomeRef.current?.focus();
  }, [focusOutcome]);

  const asBuyer = session.status === 'signed-in' && session.user.id === order.buyerId;
  const status = effectiveStatus(order, Date.now());
  const policy = asBuyer ? refundPolicyText(order.refundableUntil, Date.now()) : null;

  async function cancel() {
    setBusy(true);
    setError(null);
    try {
      onChange(await authed((client) => client.orders.cancel(order.id)));
      setNotice('Order cancelled. The tickets went back on sale.');
    } catch (reason) {
      setError(errorMessage(reason));
    } finally {
      setBusy(false);
      setFocusOutcome((n) => n + 1);
    }
  }

  return (
    <>
      <p className="row-actions">
        {asBuyer ? (
          <Link href="/account/orders">← Your orders</Link>
        ) : (
          <Link href={`/organizer/events/${order.eventId}/orders`}>← Orders of this event</Link>
        )}
        <Link href={`/events/${order.eventId}`}>Event page</Link>
      </p>
      <hgroup>
        <h1>{order.eventName}</h1>
        <p>
          <OrderStatusBadge status={status} /> Placed{' '}
          <time dateTime={order.createdAt}>{formatPlacedAt(order.createdAt)}</time>
        </p>
      </hgroup>
      <p className="order-id">
        <small>
          Order reference <code>{order.reference}</code>
        </small>
      </p>

      <div ref={outcomeRef} tabIndex={-1} className="lifecycle-outcome">
        <FormAlert message={error} />
        <div role="status">
          {notice ? (
            <p className="form-status" data-testid="order-notice">
              {notice}
            </p>
          ) : null}
        </div>
      </div>

      {status === 'pending' ? (
        <div className="row-actions lifecycle-actions">
          {asBuyer ? (
            // A plain link: checkout needs a document of its own (its CSP lets Stripe in).
            <a href={`/checkout/${order.id}`} className="button-link">
              Complete payment
            </a>
          ) : null}
          {asBuyer ? (
            <ConfirmAction
              label="Cancel order"
              question="Cancel this order? The tickets go back on sale."
              confirmLabel="Yes, cancel order"
              dismissLabel="Keep my order"
              onConfirm={cancel}
              busy={busy}
              className="secondary outline compact"
            />
          ) : null}
        </div>
      ) : null}

      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">Summary</h2>
        <OrderSummary order={order} />
      </section>

      <section aria-labelledby="tickets-heading">
        <h2 id="tickets-heading">Tickets</h2>
        <OrderDownloads order={order} />
        <TicketCards
          tickets={order.tickets ?? []}
          currency={order.currency}
          onReissue={async (ticket) => {
            await authed((client) => client.tickets.reissue(ticket.id));
            reload();
          }}
        />
      </section>

      <RefundPanel
        order={order}
        asBuyer={asBuyer}
        policy={policy}
        onRefunded={(refund) => {
          setError(null);
          setNotice(refundNotice(refund));
          setFocusOutcome((n) => n + 1);
          reload();
        }}
      />
    </>
  );
}

/** One order: its status, summary, tickets with QR codes, cancelling while pending, and refunds. */
export function OrderDetails({ orderId }: { orderId: string }) {
  const loaded = useApiData((client) => client.orders.get(orderId), orderId);
  const { setData, reload } = loaded;
  if (!loaded.data) {
    return loaded.error ? (
      <>
        <p>
          <Link href="/account/orders">← Your orders</Link>
        </p>
        <FormAlert message={loaded.error} />
      </>
    ) : (
      <p aria-busy="true">Loading order…</p>
    );
  }
  return <OrderView order={loaded.data} onChange={(order) => setData(() => order)} reload={reload} />;
}
