'use client';

import Link from 'next/link';
import { BreakableText } from '@/components/breakable-text';
import { SearchFilter, TextFilter } from '@/components/filter-fields';
import { FilterForm } from '@/components/filter-form';
import { ListTable } from '@/components/list-table';
import { PagedList } from '@/components/paged-list';
import { OrderEventLink, OrderPlacedAt, OrderReferenceLink } from '@/features/orders/order-cells';
import { dayBoundToIso } from '@/features/orders/order-dates';
import { OrderStatusFilter, PlacedDateFilters } from '@/features/orders/order-filter-fields';
import { effectiveStatus, parseOrderStatus } from '@/features/orders/order-status';
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
          <OrderStatusFilter id="admin-orders-status" defaultValue={status} />
          <TextFilter
            id="admin-orders-event-name"
            name="event"
            label="Event"
            defaultValue={values.event}
            placeholder="Name contains"
            maxLength={200}
          />
          <TextFilter
            id="admin-orders-event"
            name="eventId"
            label="Event id"
            type="text"
            defaultValue={values.eventId}
            autoComplete="off"
          />
          <TextFilter
            id="admin-orders-organizer"
            name="organizerId"
            label="Organizer id"
            type="text"
            defaultValue={values.organizerId}
            autoComplete="off"
          />
          <PlacedDateFilters idPrefix="admin-orders" from={values.from} to={values.to} />
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
                    <OrderReferenceLink order={order} />
                  </td>
                  <td data-label="Event">
                    <OrderEventLink order={order} />
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
                    <OrderPlacedAt order={order} />
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
