import type { Event } from '@eventhub/client';
import { countryName, formatEventWhen } from '@/lib/event-format';

/**
 * When and where the order's event happens, in the event's own time zone and naming it, so a
 * buyer abroad reads the local time of the doors, not their own.
 */
export function OrderEventFacts({ event }: { event: Event }) {
  const venue = event.venue;
  const place = venue
    ? [venue.name, venue.address, [venue.city, countryName(venue.country)].filter(Boolean).join(', ')]
        .filter(Boolean)
        .join(' · ')
    : '';
  return (
    <dl className="facts" data-testid="order-event">
      <dt>When</dt>
      <dd>
        {event.startsAt ? (
          <>
            <time dateTime={event.startsAt}>{formatEventWhen(event)}</time>{' '}
            <small>(times in {event.timezone})</small>
          </>
        ) : (
          'Date to be announced'
        )}
      </dd>
      {place ? (
        <>
          <dt>Where</dt>
          <dd>{place}</dd>
        </>
      ) : null}
      {event.status === 'cancelled' ? (
        <>
          <dt>Status</dt>
          <dd>This event has been cancelled.</dd>
        </>
      ) : null}
    </dl>
  );
}
