'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { Order } from '@eventhub/client';
import { ActionFeedback } from '@/components/action-feedback';
import { ConfirmAction } from '@/components/confirm-action';
import { SearchFilter } from '@/components/filter-fields';
import { FilterForm } from '@/components/filter-form';
import { PagedList } from '@/components/paged-list';
import { OrderPlacedAt } from '@/features/orders/order-cells';
import { OrderStatusFilter } from '@/features/orders/order-filter-fields';
import { effectiveStatus, parseOrderStatus, ticketCount } from '@/features/orders/order-status';
import { OrderStatusBadge } from '@/features/orders/order-status-badge';
import { useAuth } from '@/lib/auth-context';
import { formatMoney } from '@/lib/event-format';
import { AttemptKey } from '@/lib/idempotency-key';
import { useApiData } from '@/lib/use-api-data';
import { useListQuery, useSyncedFilterForm } from '@/lib/use-list-query';
import { useRowAction } from '@/lib/use-row-action';

const PAGE_SIZE = 20;
const FILTERS = ['q'] as const;

/** Whether an organizer can still refund something of the order: the API has the final say. */
function hasRefundableTickets(order: Order): boolean {
  return order.status === 'paid' || order.status === 'partially_refunded';
}

/** One order: who bought what, and a button refunding whatever is left of it. */
function EventOrderRow({ order, onRefunded }: { order: Order; onRefunded: () => void }) {
  const { authed } = useAuth();
  const { busy, error, notice, run } = useRowAction();
  const [attempt] = useState(() => new AttemptKey());
  const status = effectiveStatus(order, Date.now());
  const tickets = ticketCount(order);

  async function refundAll() {
    const key = attempt.keyFor({ orderId: order.id });
    await run(
      async () => {
        const refund = await authed((client) => client.orders.refund(order.id, {}, key));
        attempt.settle();
        onRefunded();
        return `Refunded ${formatMoney(refund.amount, refund.currency)}.`;
      },
      (reason) => attempt.settle(reason),
    );
  }

  return (
    <li data-testid={`order-${order.id}`}>
      <article className="manage-card order-card">
        <div className="section-head">
          <h3>
            <Link href={`/account/orders/${order.id}`}>
              Order <code>{order.reference}</code>
            </Link>
          </h3>
          <OrderStatusBadge status={status} />
        </div>
        <dl className="facts">
          <dt>Buyer</dt>
          <dd>
            {order.buyer ? (
              <>
                {order.buyer.name} <small>{order.buyer.email}</small>
              </>
            ) : (
              '—'
            )}
          </dd>
          <dt>Placed</dt>
          <dd>
            <OrderPlacedAt order={order} />
          </dd>
          <dt>Total</dt>
          <dd>
            {formatMoney(order.total, order.currency)}
            {order.promoCode ? <small> (code {order.promoCode})</small> : null}
          </dd>
          {order.refunded > 0 ? (
            <>
              <dt>Refunded</dt>
              <dd>{formatMoney(order.refunded, order.currency)}</dd>
            </>
          ) : null}
        </dl>
        <p>
          <small>{order.items.map((item) => `${item.quantity} × ${item.name}`).join(', ')}</small>
        </p>
        {hasRefundableTickets(order) ? (
          <div className="row-actions">
            <ConfirmAction
              label={
                <>
                  Refund<span className="visually-hidden"> order {order.id.slice(-8)}</span>
                </>
              }
              question={`Refund ${status === 'paid' ? (tickets === 1 ? 'its ticket' : `all ${tickets} tickets`) : 'all its remaining tickets'}? The buyer gets the money back and the tickets stop being valid.`}
              confirmLabel="Yes, refund"
              onConfirm={refundAll}
              busy={busy}
              className="contrast outline compact"
            />
          </div>
        ) : null}
        <ActionFeedback error={error} notice={notice} />
      </article>
    </li>
  );
}

/** An event's orders for its organizer (and admins): search and status filter live in the URL. */
export function EventOrders({ eventId }: { eventId: string }) {
  const { params, pathname, values, page, hrefFor } = useListQuery(FILTERS);
  const { q } = values;
  const status = parseOrderStatus(params.get('status'));
  const event = useApiData((client) => client.events.get(eventId), eventId);
  const list = useApiData(
    (client) => client.orders.ofEvent(eventId, { q: q || undefined, status, page, pageSize: PAGE_SIZE }),
    JSON.stringify([eventId, q, status, page]),
  );
  const formRef = useSyncedFilterForm({ q, status: status ?? '' });

  return (
    <>
      <p>
        <Link href={`/organizer/events/${eventId}`}>← {event.data ? event.data.name : 'Event'}</Link>
      </p>
      <hgroup>
        <h1>Orders</h1>
        <p>{event.data ? event.data.name : '\u00a0'}</p>
      </hgroup>

      <FilterForm action={pathname} formRef={formRef} submitLabel="Search">
        <SearchFilter
          id="orders-q"
          defaultValue={q}
          placeholder="Buyer email or name, or order id"
          maxLength={200}
        />
        <OrderStatusFilter id="orders-status" defaultValue={status} />
      </FilterForm>

      <PagedList list={list} noun={['order', 'orders']} pagesLabel="Order pages" hrefFor={hrefFor}>
        {(items) => (
          <ul className="manage-list" aria-label="Orders" aria-busy={list.loading}>
            {items.map((order) => (
              <EventOrderRow key={order.id} order={order} onRefunded={list.reload} />
            ))}
          </ul>
        )}
      </PagedList>
    </>
  );
}
