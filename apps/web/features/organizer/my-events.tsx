'use client';

import Link from 'next/link';
import { EventStatusBadge } from '@/components/event-status-badge';
import { FormAlert } from '@/components/form-alert';
import { Pagination } from '@/components/pagination';
import { formatInZone, formatTaken } from '@/lib/event-format';
import { useApiData } from '@/lib/use-api-data';
import { useListQuery } from '@/lib/use-list-query';

/** The organizer's own events, drafts included, newest first, with sales at a glance. */
export function MyEvents() {
  const { page, hrefFor } = useListQuery([]);
  const events = useApiData((client) => client.events.mine({ page }), String(page));
  const data = events.data;

  return (
    <section aria-labelledby="my-events-heading">
      <div className="section-head">
        <h2 id="my-events-heading">My events</h2>
        <Link href="/organizer/events/new" className="button-link">
          New event
        </Link>
      </div>

      <FormAlert message={events.error} />
      {events.loading && !data ? <p aria-busy="true">Loading events…</p> : null}
      {data && data.total === 0 ? <p>No events yet. Create your first one.</p> : null}
      {data && data.items.length > 0 ? (
        <ul className="manage-list" aria-label="My events" aria-busy={events.loading}>
          {data.items.map((event) => (
            <li key={event.id} data-testid={`my-event-${event.id}`}>
              <article className="manage-card">
                <h3>
                  <Link href={`/organizer/events/${event.id}`}>{event.name}</Link>
                </h3>
                <dl className="facts">
                  <dt>Status</dt>
                  <dd>
                    <EventStatusBadge status={event.status} />
                  </dd>
                  <dt>Starts</dt>
                  <dd>
                    {event.startsAt ? (
                      <time dateTime={event.startsAt}>{formatInZone(event.startsAt, event.timezone)}</time>
                    ) : (
                      'Not set'
                    )}
                  </dd>
                  <dt>Tickets sold</dt>
                  <dd>{formatTaken(event)}</dd>
                </dl>
                <div className="row-actions">
                  <Link href={`/organizer/events/${event.id}`}>
                    Edit<span className="visually-hidden"> {event.name}</span>
                  </Link>
                  {event.status === 'draft' ? null : (
                    <Link href={`/organizer/events/${event.id}/analytics`}>
                      Sales<span className="visually-hidden"> of {event.name}</span>
                    </Link>
                  )}
                  {event.status === 'draft' ? null : (
                    <Link href={`/organizer/events/${event.id}/orders`}>
                      Orders<span className="visually-hidden"> of {event.name}</span>
                    </Link>
                  )}
                  {event.status === 'draft' ? null : (
                    <Link href={`/events/${event.id}`}>
                      Public page<span className="visually-hidden"> of {event.name}</span>
                    </Link>
                  )}
                  {event.status === 'draft' ? null : (
                    <Link href={`/scanner?event=${event.id}`}>
                      Scan tickets<span className="visually-hidden"> for {event.name}</span>
                    </Link>
                  )}
                </div>
              </article>
            </li>
          ))}
        </ul>
      ) : null}
      {data && data.total > data.pageSize ? (
        <Pagination
          label="My events pages"
          page={data.page}
          pageSize={data.pageSize}
          total={data.total}
          hrefFor={hrefFor}
        />
      ) : null}
    </section>
  );
}
