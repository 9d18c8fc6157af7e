'use client';

import Link from 'next/link';
import { FormAlert } from '@/components/form-alert';
import { Pagination } from '@/components/pagination';
import { formatInZone } from '@/lib/event-format';
import { useApiData } from '@/lib/use-api-data';
import { useListQuery } from '@/lib/use-list-query';

/** The events the signed-in door staff, organizer or admin may check in, soonest first. */
export function CheckinEventPicker() {
  const { page, hrefFor } = useListQuery([]);
  const events = useApiData((client) => client.checkin.events({ page }), String(page));
  const data = events.data;

  return (
    <section aria-labelledby="scanner-heading">
      <h1 id="scanner-heading">Scanner</h1>
      <p>Pick the event you are checking tickets in for.</p>

      <FormAlert message={events.error} />
      {events.loading && !data ? <p aria-busy="true">Loading events…</p> : null}
      {data && data.total === 0 ? <p>There are no published events to check in yet.</p> : null}
      {data && data.items.length > 0 ? (
        <ul className="manage-list" aria-label="Events to check in" aria-busy={events.loading}>
          {data.items.map((event) => (
            <li key={event.id} data-testid={`checkin-event-${event.id}`}>
              <article className="manage-card">
                <h2 className="checkin-event-name">{event.name}</h2>
                <dl className="facts">
                  {event.status === 'cancelled' ? (
                    <>
                      <dt>Status</dt>
                      <dd>
                        {/* Every ticket of a cancelled event scans as void. */}
                        <span className="badge badge-cancelled">Cancelled</span>
                      </dd>
                    </>
                  ) : null}
                  <dt>Starts</dt>
                  <dd>
                    {event.startsAt ? (
                      <time dateTime={event.startsAt}>{formatInZone(event.startsAt, event.timezone)}</time>
                    ) : (
                      'Not set'
                    )}
                  </dd>
                  {event.venueName ? (
                    <>
                      <dt>Venue</dt>
                      <dd>{event.venueName}</dd>
                    </>
                  ) : null}
                  <dt>Checked in</dt>
                  <dd>
                    {event.stats.checkedIn} of {event.stats.sold}
                  </dd>
                </dl>
                <Link href={`/scanner?event=${encodeURIComponent(event.id)}`} className="button-link">
                  Scan tickets<span className="visually-hidden"> for {event.name}</span>
                </Link>
              </article>
            </li>
          ))}
        </ul>
      ) : null}
      {data && data.total > data.pageSize ? (
        <Pagination
          label="Event pages"
          page={data.page}
          pageSize={data.pageSize}
          total={data.total}
          hrefFor={hrefFor}
        />
      ) : null}
    </section>
  );
}
