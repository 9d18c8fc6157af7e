'use client';

import Form from 'next/form';
import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { ConfirmAction } from './confirm-action';
import { FormAlert } from './form-alert';
import { OrderStatusBadge } from './order-status-badge';
import { Pagination } from './pagination';
import { useAuth } from '@/lib/auth-context';
import { errorMessage } from '@/lib/error-message';
import { formatMoney } from '@/lib/event-format';
import { AttemptKey } from '@/lib/idempotency-key';
import { formatPlacedAt } from '@/lib/order-dates';
import {
  effectiveStatus,
  ORDER_STATUSES,
  ORDER_STATUS_LABELS,
  parseOrderStatus,
  ticketCount,
} from '@/lib/order-status';
import type { Order } from '@eventhub/client';
import { parsePage } from '@/lib/page-number';
import { queryHref } from '@/lib/query-href';
import { useApiData } from '@/lib/use-api-data';

const PAGE_SIZE = 20;

/** Whether an organizer can still refund something of the order: the API has the final say. */
function hasRefundableTickets(order: Order): boolean {
  return order.status === 'paid' || order.status === 'partially_refunded';
}

/** One order: who bought what, and a button refunding whatever is left of it. */
function EventOrderRow({ order, onRefunded }: { order: Order; onRefunded: () => void }) {
  const { authed } = useAuth();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [attempt] = useState(() => new AttemptKey());
  const status = effectiveStatus(order, Date.now());
  const tickets = ticketCount(order);

  async function refundAll() {
    const key = attempt.keyFor({ orderId: order.id });
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const refund = await authed((client) => client.orders.refund(order.id, {}, key));
      attempt.settle();
      setNotice(`Refunded ${formatMoney(refund.amount, refund.currency)}.`);
      onRefunded();
    } catch (reason) {
      attempt.settle(reason);
      setError(errorMessage(reason));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li data-testid={`order-${order.id}`}>
      <article className="manage-card order-card">
        <div className="section-head">
          <h3>
            <Link href={`/account/orders/${order.id}`}>
              Order <code>{order.id.slice(-8)}</code>
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
            <time dateTime={order.createdAt}>{formatPlacedAt(order.createdAt)}</time>
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
        {error ? (
          <small role="alert" className="field-error">
            {error}
          </small>
        ) : null}
        <small role="status">{notice}</small>
      </article>
    </li>
  );
}

/** An event's orders for its organizer (and admins): search and status filter live in the URL. */
export function EventOrders({ eventId }: { eventId: string }) {
  const params = useSearchParams();
  const pathname = usePathname();
  const q = params.get('q')?.trim() ?? '';
  const status = parseOrderStatus(params.get('status'));
  const page = parsePage(params.get('page'));
  const event = useApiData((client) => client.events.get(eventId), eventId);
  const list = useApiData(
    (client) => client.orders.ofEvent(eventId, { q: q || undefined, status, page, pageSize: PAGE_SIZE }),
    JSON.stringify([eventId, q, status, page]),
  );

  // The filter inputs are uncontrolled; bring them in line when the URL changes (back button).
  const searchRef = useRef<HTMLInputElement>(null);
  const statusRef = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (searchRef.current) searchRef.current.value = q;
    if (statusRef.current) statusRef.current.value = status ?? '';
  }, [q, status]);

  const data = list.data;
  return (
    <>
      <p>
        <Link href={`/organizer/events/${eventId}`}>← {event.data ? event.data.name : 'Event'}</Link>
      </p>
      <hgroup>
        <h1>Orders</h1>
        <p>{event.data ? event.data.name : '\u00a0'}</p>
      </hgroup>

      <search>
        <Form action={pathname} className="filters">
          <div>
            <label htmlFor="orders-q">Search</label>
            <input
              ref={searchRef}
              id="orders-q"
              name="q"
              type="search"
              defaultValue={q}
              placeholder="Buyer email or name, or order id"
              maxLength={200}
            />
          </div>
          <div>
            <label htmlFor="orders-status">Status</label>
            <select ref={statusRef} id="orders-status" name="status" defaultValue={status ?? ''}>
              <option value="">All statuses</option>
              {ORDER_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {ORDER_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <button type="submit">Search</button>
          </div>
        </Form>
      </search>

      <FormAlert message={list.error} />
      <p role="status">
        {data
          ? `${data.total} ${data.total === 1 ? 'order' : 'orders'} found.`
          : list.loading
            ? 'Loading…'
            : ''}
      </p>

      {data && data.items.length > 0 ? (
        <ul className="manage-list" aria-label="Orders" aria-busy={list.loading}>
          {data.items.map((order) => (
            <EventOrderRow key={order.id} order={order} onRefunded={list.reload} />
          ))}
        </ul>
      ) : null}

      {data ? (
        <Pagination
          label="Order pages"
          page={data.page}
          pageSize={data.pageSize}
          total={data.total}
          hrefFor={(p) => queryHref(pathname, params, { page: p })}
        />
      ) : null}
    </>
  );
}
