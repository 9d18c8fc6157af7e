import { ORDER_STATUSES, ORDER_STATUS_LABELS } from './order-status';
import type { OrderStatus } from './orders-api';
import { DateRangeFilter, SelectFilter } from '@/components/filter-fields';

/** An order list's status filter: one status, or all of them. */
export function OrderStatusFilter({
  id,
  defaultValue,
}: {
  id: string;
  defaultValue: OrderStatus | undefined;
}) {
  return (
    <SelectFilter
      id={id}
      name="status"
      label="Status"
      allLabel="All statuses"
      options={ORDER_STATUSES}
      labels={ORDER_STATUS_LABELS}
      defaultValue={defaultValue}
    />
  );
}

/** An order list's "placed from / until" days. */
export function PlacedDateFilters({ idPrefix, from, to }: { idPrefix: string; from: string; to: string }) {
  return (
    <DateRangeFilter idPrefix={idPrefix} fromLabel="Placed from" toLabel="Placed until" from={from} to={to} />
  );
}
