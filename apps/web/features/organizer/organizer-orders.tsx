'use client';

import { TextFilter } from '@/components/filter-fields';
import { FilterForm } from '@/components/filter-form';
import { ListTable } from '@/components/list-table';
import { PagedList } from '@/components/paged-list';
import { OrderEventLink, OrderPlacedAt, OrderReferenceLink } from '@/features/orders/order-cells';
import { dayBoundToIso } from '@/features/orders/order-dates';
import { OrderStatusFilter, PlacedDateFilters } from '@/features/orders/order-filter-fields';
import { effectiveStatus, parseOrderStatus } from '@/features/orders/order-status';
import { OrderStatusBadge } from '@/features/orders/order-status-badge';
import { formatMoney } from '@/lib/event-format';
import { useApiData } from '@/lib/use-api-data';
import { useListQuery, useSyncedFilterForm } from '@/lib/use-list-query';

const TEXT_FILTERS = ['event', 'reference', 'email', 'from', 'to'] as const;

/** The organizer's orders across all their events, newest first; the filters live in the URL. */
export function OrganizerOrders() {
  const { params, pathname, values, page, hrefFor } = useListQuery(TEXT_FILTERS);
  const status = parseOrderStatus(params.get('status'));
  const list = useApiData(
    (client) =>
      client.organizer.orders.list({
        event: values.event || undefined,
        reference: values.reference || undefined,
        email: values.email || undefined,
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
      <FilterForm action={pathname} formRef={formRef} submitLabel="Filter">
        <TextFilter
          id="organizer-orders-event"
          name="event"
          label="Event"
          defaultValue={values.event}
          placeholder="Part of the event's name"
          maxLength={200}
          autoComplete="off"
        />
        <TextFilter
          id="organizer-orders-reference"
          name="reference"
          label="Order reference"
          defaultValue={values.reference}
          placeholder="K7QX-4R9M"
          maxLength={20}
          autoComplete="off"
        />
        <TextFilter
          id="organizer-orders-email"
          name="email"
          label="Buyer email"
          defaultValue={values.email}
          maxLength={254}
          autoComplete="off"
        />
        <OrderStatusFilter id="organizer-orders-status" defaultValue={status} />
        <PlacedDateFilters idPrefix="organizer-orders" from={values.from} to={values.to} />
      </FilterForm>

      <PagedList list={list} noun={['order', 'orders']} pagesLabel="Order pages" hrefFor={hrefFor}>
        {(items) => (
          <ListTable label="Orders" busy={list.loading} className="orders-table">
            <thead>
              <tr>
                <th scope="col">Order</th>
                <th scope="col">Event</th>
                <th scope="col">Buyer</th>
                <th scope="col">Status</th>
                <th scope="col">Total</th>
                <th scope="col">Placed</th>
              </tr>
            </thead>
            <tbody>
              {items.map((order) => (
                <tr key={order.id} data-testid={`organizer-order-${order.id}`}>
                  <td>
                    <OrderReferenceLink order={order} />
                  </td>
                  <td>
                    <OrderEventLink order={order} />
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
                    {order.refunded > 0 ? (
                      <>
                        <br />
                        <small>{formatMoney(order.refunded, order.currency)} refunded</small>
                      </>
                    ) : null}
                  </td>
                  <td>
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
