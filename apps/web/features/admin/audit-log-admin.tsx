'use client';

import type { AuditEntry } from '@eventhub/client';
import Link from 'next/link';
import { localInputToIso } from './local-date-time';
import { FilterForm } from '@/components/filter-form';
import { ListTable } from '@/components/list-table';
import { PagedList } from '@/components/paged-list';
import { queryHref } from '@/lib/query-href';
import { useApiData } from '@/lib/use-api-data';
import { useListQuery, useSyncedFilterForm } from '@/lib/use-list-query';

const FILTERS = ['action', 'actorId', 'from', 'to'] as const;

function target(entry: AuditEntry): string {
  if (!entry.targetType && !entry.targetId) return '—';
  return [entry.targetType, entry.targetId].filter(Boolean).join(' ');
}

/** The admin's audit trail, newest first as the API returns it; filters live in the URL. */
export function AuditLogAdmin() {
  const { params, pathname, values, page, hrefFor } = useListQuery(FILTERS);
  const log = useApiData(
    (client) =>
      client.admin.auditLog.list({
        action: values.action || undefined,
        actorId: values.actorId || undefined,
        from: localInputToIso(values.from),
        to: localInputToIso(values.to),
        page,
      }),
    JSON.stringify([values, page]),
  );
  const formRef = useSyncedFilterForm(values);

  return (
    <>
      <FilterForm action={pathname} formRef={formRef} submitLabel="Filter">
        <div>
          <label htmlFor="audit-action">Action</label>
          <input
            id="audit-action"
            name="action"
            defaultValue={values.action}
            placeholder="e.g. auth.login_failed"
          />
        </div>
        <div>
          <label htmlFor="audit-actor">Actor id</label>
          <input id="audit-actor" name="actorId" defaultValue={values.actorId} />
        </div>
        <div>
          <label htmlFor="audit-from">From</label>
          <input id="audit-from" name="from" type="datetime-local" defaultValue={values.from} />
        </div>
        <div>
          <label htmlFor="audit-to">To</label>
          <input id="audit-to" name="to" type="datetime-local" defaultValue={values.to} />
        </div>
      </FilterForm>

      <PagedList list={log} noun={['entry', 'entries']} pagesLabel="Audit log pages" hrefFor={hrefFor}>
        {(items) => (
          <ListTable label="Audit log" busy={log.loading}>
            <thead>
              <tr>
                <th scope="col">At</th>
                <th scope="col">Actor</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col">IP</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {items.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <time dateTime={entry.at}>{new Date(entry.at).toLocaleString()}</time>
                  </td>
                  <td>
                    {entry.actorId ? (
                      <Link
                        href={queryHref(pathname, params, { actorId: entry.actorId, page: undefined })}
                        title="Show only this actor's entries"
                      >
                        <code>{entry.actorId}</code>
                      </Link>
                    ) : (
                      'system'
                    )}
                  </td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td>{target(entry)}</td>
                  <td>{entry.ip ?? '—'}</td>
                  <td>
                    <code className="details-json">{JSON.stringify(entry.details ?? {})}</code>
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
