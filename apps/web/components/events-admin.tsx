'use client';

import type { Event, EventSummary } from '@eventhub/client';
import Form from 'next/form';
import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { ConfirmAction } from './confirm-action';
import { EventStatusBadge } from './event-status-badge';
import { FormAlert } from './form-alert';
import { Pagination } from './pagination';
import { useAuth } from '@/lib/auth-context';
import { errorMessage } from '@/lib/error-message';
import { formatInZone, formatTaken } from '@/lib/event-format';
import { parsePage } from '@/lib/page-number';
import { queryHref } from '@/lib/query-href';
import { useApiData } from '@/lib/use-api-data';

const STATUSES: readonly Event['status'][] = ['draft', 'published', 'cancelled'];
const STATUS_LABELS: Record<Event['status'], string> = {
  draft: 'Drafts',
  published: 'Published',
  cancelled: 'Cancelled',
};

function parseStatus(value: string | null): Event['status'] | undefined {
  return STATUSES.find((s) => s === value);
}

function AdminEventRow({
  event,
  onUpdated,
}: {
  event: EventSummary;
  onUpdated: (event: EventSummary) => void;
}) {
  const { authed } = useAuth();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function unpublish() {
    setBusy(true);
    setError(null);
    try {
      const updated = await authed((client) => client.events.unpublish(event.id));
      onUpdated({ ...event, status: updated.status });
      setNotice('Unpublished.');
    } catch (reason) {
      setError(errorMessage(reason));
    } finally {
      setBusy(false);
    }
  }

  return (
    <tr data-testid={`admin-event-${event.id}`}>
      <td>
        {event.status === 'draft' ? event.name : <Link href={`/events/${event.id}`}>{event.name}</Link>}
        <br />
        <small>
          <Link href={`/organizer/events/${event.id}`}>
            Open in editor<span className="visually-hidden"> for {event.name}</span>
          </Link>
        </small>
      </td>
      <td>
        {event.organizerName ?? '—'}
        <br />
        <small>{event.organizerEmail}</small>
      </td>
      <td>
        <EventStatusBadge status={event.status} />
      </td>
      <td>
        {event.startsAt ? (
          <time dateTime={event.startsAt}>{formatInZone(event.startsAt, event.timezone)}</time>
        ) : (
          'Not set'
        )}
      </td>
      <td>{formatTaken(event)}</td>
      <td>
        {event.status === 'published' ? (
          <ConfirmAction
            label={
              <>
                Unpublish<span className="visually-hidden"> {event.name}</span>
              </>
            }
            question="Take this event off sale and out of listings?"
            confirmLabel="Yes, unpublish"
            onConfirm={unpublish}
            busy={busy}
            className="contrast outline compact"
          />
        ) : null}
        {error ? (
          <small role="alert" className="field-error">
            {error}
          </small>
        ) : null}
        <small role="status">{notice}</small>
      </td>
    </tr>
  );
}

/** Every event on the platform: search and status filter live in the URL. */
export function EventsAdmin() {
  const params = useSearchParams();
  const pathname = usePathname();
  const q = params.get('q')?.trim() ?? '';
  const status = parseStatus(params.get('status'));
  const page = parsePage(params.get('page'));
  const events = useApiData(
    (client) => client.admin.events.list({ q: q || undefined, status, page }),
    JSON.stringify([q, status, page]),
  );

  // The filter inputs are uncontrolled; bring them in line when the URL changes (back button).
  const searchRef = useRef<HTMLInputElement>(null);
  const statusRef = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (searchRef.current) searchRef.current.value = q;
    if (statusRef.current) statusRef.current.value = status ?? '';
  }, [q, status]);

  function replaceRow(updated: EventSummary) {
    events.setData(
      (current) =>
        current && { ...current, items: current.items.map((e) => (e.id === updated.id ? updated : e)) },
    );
  }

  const data = events.data;
  return (
    <>
      <search>
        <Form action={pathname} className="filters">
          <div>
            <label htmlFor="events-admin-q">Search</label>
            <input
              ref={searchRef}
              id="events-admin-q"
              name="q"
              type="search"
              defaultValue={q}
              placeholder="Name, description or city"
            />
          </div>
          <div>
            <label htmlFor="events-admin-status">Status</label>
            <select ref={statusRef} id="events-admin-status" name="status" defaultValue={status ?? ''}>
              <option value="">All statuses</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <button type="submit">Search</button>
          </div>
        </Form>
      </search>

      <FormAlert message={events.error} />
      <p role="status">
        {data
          ? `${data.total} ${data.total === 1 ? 'event' : 'events'} found.`
          : events.loading
            ? 'Loading…'
            : ''}
      </p>

      {data && data.items.length > 0 ? (
        <div
          className="table-scroll"
          role="region"
          aria-label="Events"
          aria-busy={events.loading}
          tabIndex={0}
        >
          <table>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Organizer</th>
                <th scope="col">Status</th>
                <th scope="col">Starts</th>
                <th scope="col">Tickets sold</th>
                <th scope="col">
                  <span className="visually-hidden">Moderation</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((event) => (
                <AdminEventRow key={event.id} event={event} onUpdated={replaceRow} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {data ? (
        <Pagination
          label="Events pages"
          page={data.page}
          pageSize={data.pageSize}
          total={data.total}
          hrefFor={(p) => queryHref(pathname, params, { page: p })}
        />
      ) : null}
    </>
  );
}
