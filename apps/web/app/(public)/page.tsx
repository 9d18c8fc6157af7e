import { ApiError, type EventSummary, type Page } from '@eventhub/client';
import Form from 'next/form';
import Link from 'next/link';
import { FormAlert } from '@/components/form-alert';
import { Pagination } from '@/components/pagination';
import { EventCard } from '@/features/events/event-card';
import {
  filterSearchParams,
  hasFilters,
  readEventFilters,
  toEventsQuery,
  type EventFilters,
  type RawSearchParams,
} from '@/features/events/event-filters';
import { queryHref } from '@/lib/query-href';
import { serverApi } from '@/lib/server-api';

const PAGE_SIZE = 12;

async function loadEvents(
  filters: EventFilters,
): Promise<{ data: Page<EventSummary> | null; error: string | null }> {
  try {
    return { data: await serverApi().events.list(toEventsQuery(filters, PAGE_SIZE)), error: null };
  } catch (error) {
    if (error instanceof ApiError && error.status === 400) {
      return { data: null, error: 'Those filters could not be used. Check the dates and try again.' };
    }
    console.error('Loading the event listing failed', error);
    return { data: null, error: 'Events could not be loaded right now. Please try again in a moment.' };
  }
}

/** The public home page: upcoming published events, rendered on the server; filters live in the URL. */
export default async function HomePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const filters = readEventFilters(await searchParams);
  const { data, error } = await loadEvents(filters);
  const filterParams = filterSearchParams(filters);
  const filtered = hasFilters(filters);

  return (
    <>
      <section>
        <hgroup>
          <h1>EventHub</h1>
          <p>Tickets for conferences, concerts and meetups — sold, paid and scanned in one place.</p>
        </hgroup>
        <p>
          Organizers publish events with ticket tiers and promo codes; attendees buy tickets in a few steps.{' '}
          <Link href="/signup">Create an account</Link> or <Link href="/login">log in</Link>.
        </p>
      </section>

      <section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">Upcoming events</h2>
        <search>
          {/* Keyed on the filters, so the inputs show the URL's values again after back/forward. */}
          <Form action="/" className="filters event-filters" key={filterParams.toString()}>
            <div>
              <label htmlFor="events-q">Search</label>
              <input
                id="events-q"
                name="q"
                type="search"
                defaultValue={filters.q}
                placeholder="Event, topic or city"
                maxLength={200}
              />
            </div>
            <div>
              <label htmlFor="events-city">City</label>
              <input id="events-city" name="city" defaultValue={filters.city} maxLength={120} />
            </div>
            <div>
              <label htmlFor="events-from">From</label>
              <input id="events-from" name="from" type="date" defaultValue={filters.from} />
            </div>
            <div>
              <label htmlFor="events-to">To</label>
              <input id="events-to" name="to" type="date" defaultValue={filters.to} />
            </div>
            <div>
              <button type="submit">Search</button>
            </div>
          </Form>
        </search>
        {filtered ? (
          <p>
            <Link href="/">Clear filters</Link>
          </p>
        ) : null}

        <FormAlert message={error} />
        {data ? (
          <p role="status">
            {data.total === 0
              ? filtered
                ? 'No events match your search.'
                : 'No events yet. Check back soon.'
              : `${data.total} ${data.total === 1 ? 'event' : 'events'}${filtered ? ' found' : ' coming up'}.`}
          </p>
        ) : null}

        {data && data.items.length > 0 ? (
          <ul className="event-grid" aria-label="Events">
            {data.items.map((event) => (
              <li key={event.id}>
                <EventCard event={event} />
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
            hrefFor={(p) => queryHref('/', filterParams, { page: p > 1 ? p : undefined })}
          />
        ) : null}
      </section>
    </>
  );
}
