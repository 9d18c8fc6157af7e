'use client';

import Link from 'next/link';
import { BreakableText } from '@/components/breakable-text';
import { SearchFilter, SelectFilter } from '@/components/filter-fields';
import { FilterForm } from '@/components/filter-form';
import { ListTable } from '@/components/list-table';
import { PagedList } from '@/components/paged-list';
import { dayBoundToIso, formatPlacedAt } from '@/features/orders/order-dates';
import {
  effectiveStatus,
  ORDER_STATUSES,
  ORDER_STATUS_LABELS,
  parseOrderStatus,
} from '@/features/orders/order-status';
import { OrderStatusBadge } from '@/features/orders/order-status-badge';
import { formatMoney } from '@/lib/event-format';
import { queryHref } from '@/lib/query-href';
import { useApiData } from '@/lib/use-api-data';
import { useListQuery, useSyncedFilterForm } from '@/lib/use-list-query';

const TEXT_FILTERS = ['q', 'event', 'eventId', 'organizerId', 'from', 'to'] as const;

/** Every transaction on the platform, newest first; the filters live in the URL. */
export function OrdersAdmin() {
  const { params, pathname, values, page, hrefFor } = useListQuery(TEXT_FILTERS);
  const status = parseOrderStatus(params.get('status'));
  const list = useApiData(
    (client) =>
      client.admin.orders.list({
        q: values.q || undefined,
        event: values.event || undefined,
        eventId: values.eventId || undefined,
        organizerId: values.organizerId || undefined,
        status,
        from: dayBoundToIso(values.from, 'start'),
        to: dayBoundToIso(values.to, 'end'),
        page,
      }),
    JSON.stringify([values, status, page]),
  );
  const formRef = useSyncedFilterForm({ ...values, status: status ?? '' });

  const now = Date.now();
  return (
    <>
      <div className="compact-filters">
        <FilterForm action={pathname} formRef={formRef} submitLabel="Filter">
          <SearchFilter
            id="admin-orders-q"
            defaultValue={values.q}
            placeholder="Buyer email or name, or order reference"
            maxLength={200}
          />
          <SelectFilter
            id="admin-orders-status"
            name="status"
            label="Status"
            allLabel="All statuses"
            options={ORDER_STATUSES}
            labels={ORDER_STATUS_LABELS}
            defaultValue={status}
          />
          <div>
            <label htmlFor="admin-orders-event-name">Event</label>
            <input
              id="admin-orders-event-name"
              name="event"
              type="search"
              defaultValue={values.event}
              placeholder="Name contains"
              maxLength={200}
            />
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
        </FilterForm>
      </div>

      <PagedList list={list} noun={['order', 'orders']} pagesLabel="Order pages" hrefFor={hrefFor}>
        {(items) => (
          <ListTable label="Orders" busy={list.loading} className="orders-table" stacked>
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
              {items.map((order) => (
                <tr key={order.id} data-testid={`admin-order-${order.id}`}>
                  <td data-label="Order">
                    <Link href={`/account/orders/${order.id}`}>
                      <code>{order.reference}</code>
                    </Link>
                  </td>
                  <td data-label="Event">
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
                  <td data-label="Buyer">
                    {order.buyer ? (
                      <>
                        {order.buyer.name}
                        <br />
                        <small className="cell-email">
                          <BreakableText text={order.buyer.email} />
                        </small>
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td data-label="Status">
                    <OrderStatusBadge status={effectiveStatus(order, now)} />
                  </td>
                  <td data-label="Total">
                    {formatMoney(order.total, order.currency)}
                    {order.promoCode ? (
                      <>
                        <br />
                        <small>code {order.promoCode}</small>
                      </>
                    ) : null}
                  </td>
                  <td data-label="Refunded">
                    {order.refunded > 0 ? formatMoney(order.refunded, order.currency) : '—'}
                  </td>
                  <td data-label="Placed">
                    <time dateTime={order.createdAt}>{formatPlacedAt(order.createdAt)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </ListTable>
        )}
      </PagedList>
    </>
  );
}
