'use client';

import type { Event, EventSummary } from '@eventhub/client';
import Link from 'next/link';
import { BreakableText } from '@/components/breakable-text';
import { ActionFeedback } from '@/components/action-feedback';
import { ConfirmAction } from '@/components/confirm-action';
import { EventStatusBadge } from '@/components/event-status-badge';
import { SearchFilter, SelectFilter } from '@/components/filter-fields';
import { FilterForm } from '@/components/filter-form';
import { ListTable } from '@/components/list-table';
import { PagedList } from '@/components/paged-list';
import { useAuth } from '@/lib/auth-context';
import { formatInZone, formatTaken } from '@/lib/event-format';
import { useApiData } from '@/lib/use-api-data';
import { useListQuery, useSyncedFilterForm } from '@/lib/use-list-query';
import { useRowAction } from '@/lib/use-row-action';

const FILTERS = ['q'] as const;

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
  const { busy, error, notice, run } = useRowAction();

  async function unpublish() {
    await run(async () => {
      const updated = await authed((client) => client.events.unpublish(event.id));
      onUpdated({ ...event, status: updated.status });
      return 'Unpublished.';
    });
  }

  return (
    <tr data-testid={`admin-event-${event.id}`}>
      <td data-label="Event">
        {event.status === 'draft' ? event.name : <Link href={`/events/${event.id}`}>{event.name}</Link>}
        <br />
        <small>
          <Link href={`/organizer/events/${event.id}`}>
            Open in editor<span className="visually-hidden"> for {event.name}</span>
          </Link>
        </small>
      </td>
      <td data-label="Organizer">
        {event.organizerName ?? '—'}
        <br />
        <small className="cell-email">
          {event.organizerEmail ? <BreakableText text={event.organizerEmail} /> : null}
        </small>
      </td>
      <td data-label="Status">
        <EventStatusBadge status={event.status} />
      </td>
      <td data-label="Starts">
        {event.startsAt ? (
          <time dateTime={event.startsAt}>{formatInZone(event.startsAt, event.timezone)}</time>
        ) : (
          'Not set'
        )}
      </td>
      <td data-label="Tickets sold">{formatTaken(event)}</td>
      <td data-label="">
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
        <ActionFeedback error={error} notice={notice} />
      </td>
    </tr>
  );
}

/** Every event on the platform: search and status filter live in the URL. */
export function EventsAdmin() {
  const { params, pathname, values, page, hrefFor } = useListQuery(FILTERS);
  const { q } = values;
  const status = parseStatus(params.get('status'));
  const events = useApiData(
    (client) => client.admin.events.list({ q: q || undefined, status, page }),
    JSON.stringify([q, status, page]),
  );
  const formRef = useSyncedFilterForm({ q, status: status ?? '' });

  function replaceRow(updated: EventSummary) {
    events.setData(
      (current) =>
        current && { ...current, items: current.items.map((e) => (e.id === updated.id ? updated : e)) },
    );
  }

  return (
    <>
      <FilterForm action={pathname} formRef={formRef} submitLabel="Search">
        <SearchFilter id="events-admin-q" defaultValue={q} placeholder="Name, description or city" />
        <SelectFilter
          id="events-admin-status"
          name="status"
          label="Status"
          allLabel="All statuses"
          options={STATUSES}
          labels={STATUS_LABELS}
          defaultValue={status}
        />
      </FilterForm>

      <PagedList list={events} noun={['event', 'events']} pagesLabel="Events pages" hrefFor={hrefFor}>
        {(items) => (
          <ListTable label="Events" busy={events.loading} stacked>
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
              {items.map((event) => (
                <AdminEventRow key={event.id} event={event} onUpdated={replaceRow} />
              ))}
            </tbody>
          </ListTable>
        )}
      </PagedList>
    </>
  );
}
