import { ApiError, type EventSummary, type Page } from '@eventhub/client';
import Form from 'next/form';
import Link from 'next/link';
import { EventCard } from './event-card';
import { filterSearchParams, hasFilters, toEventsQuery, type EventFilters } from './event-filters';
import { DateRangeFilter, SearchFilter, TextFilter } from '@/components/filter-fields';
import { FormAlert } from '@/components/form-alert';
import { Pagination } from '@/components/pagination';
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

/** Upcoming published events, filtered as the URL says, rendered on the server. */
export async function EventListing({ filters }: { filters: EventFilters }) {
  const { data, error } = await loadEvents(filters);
  const filterParams = filterSearchParams(filters);
  const filtered = hasFilters(filters);

  return (
    <section aria-labelledby="upcoming-heading">
      <h2 id="upcoming-heading">Upcoming events</h2>
      <search>
        {/* Keyed on the filters, so the inputs show the URL's values again after back/forward. */}
        <Form action="/" className="filters event-filters" key={filterParams.toString()}>
          <SearchFilter
            id="events-q"
            defaultValue={filters.q}
            placeholder="Event, topic or city"
            maxLength={200}
          />
          <TextFilter
            id="events-city"
            name="city"
            label="City"
            type="text"
            defaultValue={filters.city}
            maxLength={120}
          />
          <DateRangeFilter
            idPrefix="events"
            fromLabel="From"
            toLabel="To"
            from={filters.from}
            to={filters.to}
          />
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
  );
}
