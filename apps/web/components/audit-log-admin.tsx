'use client';

import type { AuditEntry } from '@eventhub/client';
import Form from 'next/form';
import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { FormAlert } from './form-alert';
import { Pagination } from './pagination';
import { localInputToIso } from '@/lib/local-date-time';
import { parsePage } from '@/lib/page-number';
import { queryHref } from '@/lib/query-href';
import { useApiData } from '@/lib/use-api-data';

const FILTERS = ['action', 'actorId', 'from', 'to'] as const;
type Filter = (typeof FILTERS)[number];

function target(entry: AuditEntry): string {
  if (!entry.targetType && !entry.targetId) return '—';
  return [entry.targetType, entry.targetId].filter(Boolean).join(' ');
}

/** The admin's audit trail, newest first as the API returns it; filters live in the URL. */
export function AuditLogAdmin() {
  const params = useSearchParams();
  const pathname = usePathname();
  const values = Object.fromEntries(FILTERS.map((f) => [f, params.get(f)?.trim() ?? ''])) as Record<
    Filter,
    string
  >;
  const page = parsePage(params.get('page'));
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

  // The filter inputs are uncontrolled; bring them in line when the URL changes (back button).
  const formRef = useRef<HTMLFormElement>(null);
  const valuesKey = JSON.stringify(values);
  useEffect(() => {
    const current = JSON.parse(valuesKey) as Record<Filter, string>;
    for (const f of FILTERS) {
      const input = formRef.current?.elements.namedItem(f);
      if (input instanceof HTMLInputElement) input.value = current[f];
    }
  }, [valuesKey]);

  const data = log.data;
  return (
    <>
      <search>
        <Form action={pathname} className="filters" ref={formRef}>
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
          <div>
            <button type="submit">Filter</button>
          </div>
        </Form>
      </search>

      <FormAlert message={log.error} />
      <p role="status">
        {data
          ? `${data.total} ${data.total === 1 ? 'entry' : 'entries'} found.`
          : log.loading
            ? 'Loading…'
            : ''}
      </p>

      {data && data.items.length > 0 ? (
        <div
          className="table-scroll"
          role="region"
          aria-label="Audit log"
          aria-busy={log.loading}
          tabIndex={0}
        >
          <table>
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
              {data.items.map((entry) => (
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
          </table>
        </div>
      ) : null}

      {data ? (
        <Pagination
          label="Audit log pages"
          page={data.page}
          pageSize={data.pageSize}
          total={data.total}
          hrefFor={(p) => queryHref(pathname, params, { page: p })}
        />
      ) : null}
    </>
  );
}
