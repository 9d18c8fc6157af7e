'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { RefundEntry } from '@eventhub/client';
import {
  ALL_OWED_LABEL,
  emptyRefundsText,
  parseRefundFilter,
  REFUND_FILTERS,
  REFUND_FILTER_LABELS,
  refundRow,
  refundStatusQuery,
} from './refund-list';
import type { RefundScope } from './refund-scope';
import { RefundTableRow, type RetryState } from './refund-table-row';
import { retryRefund } from './retry-refund';
import { useRefundChangesVersion } from './use-refund-changes';
import { SelectFilter } from '@/components/filter-fields';
import { FilterForm } from '@/components/filter-form';
import { ListTable } from '@/components/list-table';
import { PagedList } from '@/components/paged-list';
import { useAuth } from '@/lib/auth-context';
import { queryHref } from '@/lib/query-href';
import { useApiData } from '@/lib/use-api-data';
import { useListQuery, useSyncedFilterForm } from '@/lib/use-list-query';

const TEXT_FILTERS = ['eventId'] as const;

interface Retried extends RetryState {
  reference: string;
}

/**
 * Refunds the payment provider refused, the longest owed first: admins see every event's,
 * organizers their own. Failed ones (out of automatic retries) can be retried from here.
 */
export function OwedRefunds({ scope }: { scope: RefundScope }) {
  const { authed } = useAuth();
  const { params, pathname, values, page, hrefFor } = useListQuery(TEXT_FILTERS);
  const filter = parseRefundFilter(params.get('status'));
  const version = useRefundChangesVersion();
  const listKey = JSON.stringify([scope, filter, values.eventId, page]);
  const list = useApiData(
    (client) =>
      client[scope].refunds.list({
        status: refundStatusQuery(filter),
        eventId: values.eventId || undefined,
        page,
      }),
    `${listKey}:${version}`,
  );
  const formRef = useSyncedFilterForm({ status: filter ?? '' });
  // Retries of this very list; another filter or page starts with none.
  const [retries, setRetries] = useState<{ key: string; byId: Record<string, Retried> }>({
    key: listKey,
    byId: {},
  });
  const byId = retries.key === listKey ? retries.byId : {};

  function record(id: string, state: Retried) {
    setRetries((current) => ({
      key: listKey,
      byId: { ...(current.key === listKey ? current.byId : {}), [id]: state },
    }));
  }

  async function retry(refund: RefundEntry) {
    const reference = refund.orderReference;
    record(refund.id, { busy: true, ok: null, message: null, reference });
    const outcome = await retryRefund((id) => authed((client) => client[scope].refunds.retry(id)), refund);
    record(refund.id, { busy: false, ok: outcome.ok, message: outcome.message, reference });
  }

  const now = Date.now();
  const shownIds = new Set(list.data?.items.map((item) => item.id) ?? []);
  // A retried refund can leave this list (no longer failed): its outcome stays in view above it.
  const departed = Object.entries(byId).filter(([id, state]) => !shownIds.has(id) && state.message);

  return (
    <>
      <p>
        Refunds the payment provider refused. Those <strong>retrying automatically</strong> need nothing from
        you; those that <strong>need a retry</strong> ran out of automatic retries: see the provider&apos;s
        last error, put its cause right, then retry them.
      </p>

      <FilterForm action={pathname} formRef={formRef} submitLabel="Show">
        <SelectFilter
          id={`${scope}-refunds-status`}
          name="status"
          label="Status"
          allLabel={ALL_OWED_LABEL}
          options={REFUND_FILTERS}
          labels={REFUND_FILTER_LABELS}
          defaultValue={filter}
        />
        {values.eventId ? <input type="hidden" name="eventId" value={values.eventId} /> : null}
      </FilterForm>

      {values.eventId ? (
        <p>
          Showing one event&apos;s refunds.{' '}
          <Link href={queryHref(pathname, params, { eventId: undefined, page: undefined })}>
            Show every event&apos;s
          </Link>
        </p>
      ) : null}

      {departed.length > 0 ? (
        <ul aria-label="Retries">
          {departed.map(([id, state]) => (
            <li key={id} className={state.ok ? undefined : 'field-error'}>
              Order <code>{state.reference}</code>: {state.message}
            </li>
          ))}
        </ul>
      ) : null}

      {list.data && list.data.total === 0 ? <p>{emptyRefundsText(filter)}</p> : null}

      <PagedList list={list} noun={['refund', 'refunds']} pagesLabel="Refund pages" hrefFor={hrefFor}>
        {(items) => (
          <ListTable label="Refunds" busy={list.loading} className="refunds-table" stacked>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Order</th>
                <th scope="col">Buyer</th>
                <th scope="col">Amount</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">Provider&apos;s last error</th>
                <th scope="col">{filter === 'succeeded' ? 'Requested' : 'Owed since'}</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {items.map((refund) => (
                <RefundTableRow
                  key={refund.id}
                  row={refundRow(refund, now)}
                  retry={byId[refund.id]}
                  onRetry={() => void retry(refund)}
                  filterHref={queryHref(pathname, params, { eventId: refund.eventId, page: undefined })}
                />
              ))}
            </tbody>
          </ListTable>
        )}
      </PagedList>
    </>
  );
}
