'use client';

import Link from 'next/link';
import { formatPlacedAt } from './order-dates';
import { effectiveStatus, ticketCount } from './order-status';
import { OrderStatusBadge } from './order-status-badge';
import { FormAlert } from '@/components/form-alert';
import { Pagination } from '@/components/pagination';
import { formatMoney } from '@/lib/event-format';
import { useApiData } from '@/lib/use-api-data';
import { useListQuery } from '@/lib/use-list-query';

/** The signed-in user's orders, newest first, each with its status and a way to its tickets. */
export function MyOrders() {
  const { page, hrefFor } = useListQuery([]);
  const list = useApiData((client) => client.orders.mine({ page }), String(page));
  const data = list.data;
  const now = Date.now();

  return (
    <>
      <FormAlert message={list.error} />
      {list.loading && !data ? <p aria-busy="true">Loading your orders…</p> : null}
      {data && data.total === 0 ? (
        <p>
          No orders yet. <Link href="/">Find an event</Link> to get tickets.
        </p>
      ) : null}
      {data && data.items.length > 0 ? (
        <ul className="manage-list" aria-label="Orders" aria-busy={list.loading}>
          {data.items.map((order) => {
            const status = effectiveStatus(order, now);
            const tickets = ticketCount(order);
            return (
              <li key={order.id} data-testid={`order-${order.id}`}>
                <article className="manage-card">
                  <h2 className="order-card-title">
                    <Link href={`/account/orders/${order.id}`}>{order.eventName}</Link>
                  </h2>
                  <dl className="facts">
                    <dt>Reference</dt>
                    <dd>
                      <code>{order.reference}</code>
                    </dd>
                    <dt>Status</dt>
                    <dd>
                      <OrderStatusBadge status={status} />
                    </dd>
                    <dt>Placed</dt>
                    <dd>
                      <time dateTime={order.createdAt}>{formatPlacedAt(order.createdAt)}</time>
                    </dd>
                    <dt>Tickets</dt>
                    <dd>{tickets}</dd>
                    <dt>Total</dt>
                    <dd>{formatMoney(order.total, order.currency)}</dd>
                  </dl>
                  <div className="row-actions">
                    {status === 'pending' ? (
                      // A plain link: checkout needs a document of its own (its CSP lets Stripe in).
                      <a href={`/checkout/${order.id}`} className="button-link">
                        Complete payment<span className="visually-hidden"> for {order.eventName}</span>
                      </a>
                    ) : null}
                    <Link href={`/account/orders/${order.id}`}>
                      {status === 'paid' || status === 'partially_refunded'
                        ? 'Tickets and refunds'
                        : 'Details'}
                      <span className="visually-hidden"> of the order for {order.eventName}</span>
                    </Link>
                  </div>
                </article>
              </li>
            );
          })}
        </ul>
      ) : null}
      {data && data.total > data.pageSize ? (
        <Pagination
          label="Order pages"
          page={data.page}
          pageSize={data.pageSize}
          total={data.total}
          hrefFor={hrefFor}
        />
      ) : null}
    </>
  );
}
