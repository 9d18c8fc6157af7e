'use client';

import Form from 'next/form';
import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { FormAlert } from './form-alert';
import { OrderStatusBadge } from './order-status-badge';
import { Pagination } from './pagination';
import { formatMoney } from '@/lib/event-format';
import { dayBoundToIso, formatPlacedAt } from '@/lib/order-dates';
import { effectiveStatus, ORDER_STATUSES, ORDER_STATUS_LABELS, parseOrderStatus } from '@/lib/order-status';
import { parsePage } from '@/lib/page-number';
import { queryHref } from '@/lib/query-href';
import { useApiData } from '@/lib/use-api-data';

const TEXT_FILTERS = ['q', 'eventId', 'organizerId', 'from', 'to'] as const;
type TextFilter = (typeof TEXT_FILTERS)[number];

/** Every transaction on the platform, newest first; the filters live in the URL. */
export function OrdersAdmin() {
  const params = useSearchParams();
  const pathname = usePathname();
  const values = Object.fromEntries(TEXT_FILTERS.map((f) => [f, params.get(f)?.trim() ?? ''])) as Record<
    TextFilter,
    string
  >;
  const status = parseOrderStatus(params.get('status'));
  const page = parsePage(params.get('page'));
  const list = useApiData(
    (client) =>
      client.admin.orders.list({
        q: values.q || undefined,
        eventId: values.eventId || undefined,
        organizerId: values.organizerId || undefined,
        status,
        from: dayBoundToIso(values.from, 'start'),
        to: dayBoundToIso(values.to, 'end'),
        page,
      }),
    JSON.stringify([values, status, page]),
  );

  // The filter inputs are uncontrolled; bring them in line when the URL changes (back button).
  const formRef = useRef<HTMLFormElement>(null);
  const valuesKey = JSON.stringify([values, status]);
  useEffect(() => {
    const [current, currentStatus] = JSON.parse(valuesKey) as [
      Record<TextFilter, string>,
      string | undefined,
    ];
    for (const f of TEXT_FILTERS) {
      const input = formRef.current?.elements.namedItem(f);
      if (input instanceof HTMLInputElement) input.value = current[f];
    }
    const select = formRef.current?.elements.namedItem('status');
    if (select instanceof HTMLSelectElement) select.value = currentStatus ?? '';
  }, [valuesKey]);

  const data = list.data;
  const now = Date.now();
  return (
    <>
      <search>
        <Form action={pathname} className="filters" ref={formRef}>
          <div>
            <label htmlFor="admin-orders-q">Search</label>
            <input
              id="admin-orders-q"
              name="q"
              type="search"
              defaultValue={values.q}
              placeholder="Buyer email or name, or order id"
              maxLength={200}
            />
          </div>
          <div>
            <label htmlFor="admin-orders-status">Status</label>
            <select id="admin-orders-status" name="status" defaultValue={status ?? ''}>
              <option value="">All statuses</option>
              {ORDER_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {ORDER_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="admin-orders-event">Event id</label>
            <input id="admin-orders-event" name="eventId" defaultValue={values.eventId} autoComplete="off" />
          </div>
          <div>
            <label htmlFor="admin-orders-organizer">Organizer id</label>
            <input
              id="admin-orders-organizer"
              name="organizerId"
              defaultValue={values.organizerId}
              autoComplete="off"
            />
          </div>
          <div>
            <label htmlFor="admin-orders-from">Placed from</label>
            <input id="admin-orders-from" name="from" type="date" defaultValue={values.from} />
          </div>
          <div>
            <label htmlFor="admin-orders-to">Placed until</label>
            <input id="admin-orders-to" name="to" type="date" defaultValue={values.to} />
          </div>
          <div>
            <button type="submit">Filter</button>
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
        <div className="table-scroll" role="region" aria-label="Orders" aria-busy={list.loading} tabIndex={0}>
          <table className="orders-table">
            <thead>
              <tr>
                <th scope="col">Order</th>
                <th scope="col">Event</th>
                <th scope="col">Buyer</th>
                <th scope="col">Status</th>
                <th scope="col">Total</th>
                <th scope="col">Refunded</th>
                <th scope="col">Placed</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((order) => (
                <tr key={order.id} data-testid={`admin-order-${order.id}`}>
                  <td>
                    <Link href={`/account/orders/${order.id}`}>
                      <code>{order.id}</code>
                    </Link>
                  </td>
                  <td>
                    <Link href={`/organizer/events/${order.eventId}/orders`}>{order.eventName}</Link>
                    <br />
                    <small>
                      <Link
                        href={queryHref(pathname, params, { eventId: order.eventId, page: undefined })}
                        title="Show only this event's orders"
                      >
                        Only this event
                      </Link>
                    </small>
                  </td>
                  <td>
                    {order.buyer ? (
                      <>
                        {order.buyer.name}
                        <br />
                        <small>{order.buyer.email}</small>
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>
                    <OrderStatusBadge status={effectiveStatus(order, now)} />
                  </td>
                  <td>
                    {formatMoney(order.total, order.currency)}
                    {order.promoCode ? (
                      <>
                        <br />
                        <small>code {order.promoCode}</small>
                      </>
                    ) : null}
                  </td>
                  <td>{order.refunded > 0 ? formatMoney(order.refunded, order.currency) : '—'}</td>
                  <td>
                    <time dateTime={order.createdAt}>{formatPlacedAt(order.createdAt)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
