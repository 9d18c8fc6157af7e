import type { EventSummary } from '@eventhub/client';
import Link from 'next/link';
import { formatEventWhen, formatMoney } from '@/lib/event-format';

function priceLabel(event: EventSummary): string | null {
  if (event.priceFrom === null) return null;
  if (event.priceFrom === 0) return 'Free tickets';
  return `from ${formatMoney(event.priceFrom, event.currency)}`;
}

/** One event in the public listing; the whole card follows its title link. */
export function EventCard({ event }: { event: EventSummary }) {
  const price = priceLabel(event);
  const place = [event.venue?.name, event.venue?.city].filter(Boolean).join(', ');
  return (
    <article className="event-card">
      {event.imageUrl ? (
        // The card's text says everything; the picture is decoration for screen readers.
        <img className="event-card-image" src={event.imageUrl} alt="" loading="lazy" />
      ) : null}
      <div className="event-card-body">
        <h3>
          <Link href={`/events/${event.id}`} className="stretched-link">
            {event.name}
          </Link>
        </h3>
        <p>
          {event.startsAt ? (
            <time dateTime={event.startsAt}>{formatEventWhen({ ...event, endsAt: null })}</time>
          ) : (
            'Date to be announced'
          )}
        </p>
        {place ? <p>{place}</p> : null}
        <p className="event-card-price">
          {price ? <span>{price}</span> : null}
          {event.soldOut ? <span className="badge badge-sold-out">Sold out</span> : null}
        </p>
      </div>
    </article>
  );
}
