'use client';

import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import type { Order, Refund } from '@eventhub/client';
import { useOrderAccess } from './order-access';
import { holderChangeOpen, holderChangeText } from './holder-change-policy';
import { OrderAnswers } from './order-answers';
import { formatPlacedAt } from './order-dates';
import { OrderDownloads } from './order-downloads';
import { OrderEventFacts } from './order-event';
import { effectiveStatus } from './order-status';
import { OrderStatusBadge } from './order-status-badge';
import { OrderSummary } from './order-summary';
import { RefundPanel } from './refund-panel';
import { refundPolicyText } from './refund-policy';
import { TicketCards } from './ticket-cards';
import { ConfirmAction } from '@/components/confirm-action';
import { OrderInvoices } from '@/features/invoices/order-invoices';
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
  const { session } = useAuth();
  const { call, token } = useOrderAccess();
  // The event's date, zone and venue; the order itself carries only its name.
  const event = useApiData((client) => client.events.get(order.eventId), order.eventId, call);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const [focusOutcome, setFocusOutcome] = useState(0);
  useEffect(() => {
    if (focusOutcome > 0) outcomeRef.current?.focus();
  }, [focusOutcome]);

  // Whoever holds the order's token may do what its buyer may.
  const signedInBuyer = session.status === 'signed-in' && session.user.id === order.buyerId;
  const asBuyer = token !== null || signedInBuyer;
  const status = effectiveStatus(order, Date.now());
  const policy = asBuyer ? refundPolicyText(order.refundableUntil, Date.now(), event.data?.timezone) : null;
  const tickets = order.tickets ?? [];
  // The event's setting and deadline: past it (or with changes off) the control is not offered.
  const holderChanges = asBuyer && holderChangeOpen(order.holderChanges, Date.now());
  const checkoutPath = `/checkout/${order.id}`;

  async function cancel() {
    setBusy(true);
    setError(null);
    try {
      onChange(await call((client) => client.orders.cancel(order.id)));
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
        {signedInBuyer ? (
          <Link href="/account/orders">← Your orders</Link>
        ) : asBuyer ? null : (
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
          Order reference <code data-testid="order-reference">{order.reference}</code>
        </small>
      </p>
      {event.data ? <OrderEventFacts event={event.data} /> : null}

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
            <a href={checkoutPath} className="button-link">
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

      <OrderInvoices order={order} />

      <OrderAnswers answers={order.answers} ticketIds={new Set(tickets.map((t) => t.id))} asBuyer={asBuyer} />

      <section aria-labelledby="tickets-heading">
        <h2 id="tickets-heading">Tickets</h2>
        <OrderDownloads order={order} event={event.data} />
        {asBuyer && tickets.some((t) => t.status === 'valid') ? (
          <p className="tier-facts" data-testid="holder-change-policy">
            {holderChangeText(order.holderChanges, Date.now(), event.data?.timezone)}
          </p>
        ) : null}
        <TicketCards
          tickets={tickets}
          currency={order.currency}
          answers={order.answers}
          via={call}
          // Reissuing is an account's action; a new holder gives a token holder a new code too.
          onReissue={
            token === null
              ? async (ticket) => {
                  await call((client) => client.tickets.reissue(ticket.id));
                  reload();
                }
              : undefined
          }
          onChangeHolder={
            holderChanges
              ? async (ticket, change) => {
                  await call((client) => client.orders.changeHolder(order.id, ticket.id, change));
                  reload();
                }
              : undefined
          }
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

/**
 * One order: its event's date, zone and venue, status, summary, tickets with QR codes, cancelling
 * while pending, refunds and new holders; for its buyer, its event's organizer, admins, or (inside
 * an OrderAccessGate with a token) whoever holds the order's link.
 */
export function OrderDetails({ orderId }: { orderId: string }) {
  const { call, token } = useOrderAccess();
  const loaded = useApiData((client) => client.orders.get(orderId), orderId, call);
  const { setData, reload } = loaded;
  if (!loaded.data) {
    return loaded.error ? (
      <>
        <h1>Order</h1>
        <FormAlert
          message={
            token === null
              ? loaded.error
              : 'This order link does not work: it may be mistyped or incomplete. Find your tickets again below.'
          }
        />
        <p>
          {token === null ? (
            <Link href="/account/orders">← Your orders</Link>
          ) : (
            <Link href="/find-tickets">Find my tickets</Link>
          )}
        </p>
      </>
    ) : (
      <p aria-busy="true">Loading order…</p>
    );
  }
  return <OrderView order={loaded.data} onChange={(order) => setData(() => order)} reload={reload} />;
}
