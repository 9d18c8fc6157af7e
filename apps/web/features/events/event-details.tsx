import { ApiError, type Event, type Question } from '@eventhub/client';
import Link from 'next/link';
import { cache } from 'react';
import { TicketSelector } from './ticket-selector';
import { TicketTierList } from './ticket-tier-list';
import { eventCalendarHref } from '@/lib/event-calendar';
import { countryName, formatEventWhen } from '@/lib/event-format';
import { serverApi } from '@/lib/server-api';

/**
 * A published event for its public page, or null (no such event, or a draft). Metadata and page
 * ask for the same event in one request: it is fetched once.
 */
export const loadPublicEvent = cache(async (id: string): Promise<Event | null> => {
  try {
    return await serverApi().events.get(id);
  } catch (error) {
    // 404: no such event or a draft; 400: an id the API cannot even read. Both are "not found".
    if (error instanceof ApiError && (error.status === 404 || error.status === 400)) return null;
    throw error;
  }
});

/**
 * The questions buyers are asked at checkout. The page still renders without them (the API
 * checks every answer itself, and names any question it is missing).
 */
export const loadPublicQuestions = cache(async (id: string): Promise<Question[]> => {
  try {
    return await serverApi().events.questions.list(id);
  } catch (error) {
    console.warn('Could not load the checkout questions of event', id, error);
    return [];
  }
});

const DESCRIPTION_PREVIEW = 200;

/** A line or two about the event for link previews: its description's start, or when and where. */
export function eventSummary(event: Event): string {
  const text = event.description.replace(/\s+/g, ' ').trim();
  if (text) return text.length > DESCRIPTION_PREVIEW ? `${text.slice(0, DESCRIPTION_PREVIEW - 1)}…` : text;
  return [formatEventWhen(event), event.venue?.city].filter(Boolean).join(' · ');
}

/** The public page of one event: what, when, where, and its tickets. */
export function EventDetails({ event, questions }: { event: Event; questions: readonly Question[] }) {
  const venue = event.venue;
  const onSale = event.status === 'published' && event.ticketTypes.length > 0;
  return (
    <article className="event-page">
      {event.imageUrl ? <img className="event-hero" src={event.imageUrl} alt="" /> : null}
      <hgroup>
        <h1>{event.name}</h1>
        <p>
          {event.startsAt ? (
            <time dateTime={event.startsAt}>{formatEventWhen(event)}</time>
          ) : (
            'Date to be announced'
          )}
          {event.startsAt ? <small className="event-zone"> (times in {event.timezone})</small> : null}
        </p>
      </hgroup>
      {event.startsAt && event.status !== 'cancelled' ? (
        <p>
          <a href={eventCalendarHref(event.id)} download={`event-${event.id}.ics`}>
            Add to calendar
          </a>
        </p>
      ) : null}

      {event.status === 'cancelled' ? (
        <p className="form-alert">This event has been cancelled. Tickets are no longer sold.</p>
      ) : null}

      <div className="event-layout">
        <div>
          {venue ? (
            <section aria-labelledby="venue-heading">
              <h2 id="venue-heading">Venue</h2>
              <address>
                {venue.name ? <strong>{venue.name}</strong> : null}
                {venue.address ? <span>{venue.address}</span> : null}
                {venue.city || venue.country ? (
                  <span>{[venue.city, countryName(venue.country)].filter(Boolean).join(', ')}</span>
                ) : null}
              </address>
            </section>
          ) : null}

          {event.description ? (
            <section aria-labelledby="about-heading">
              <h2 id="about-heading">About this event</h2>
              {/* Plain text: line breaks kept by CSS, never interpreted as HTML. */}
              <p className="event-description">{event.description}</p>
            </section>
          ) : null}
        </div>

        <section aria-labelledby="tickets-heading" className="event-tickets">
          <h2 id="tickets-heading">Tickets</h2>
          {/* The time of this render decides which tiers are on sale, on the server and in the browser alike. */}
          {onSale ? (
            <TicketSelector event={event} questions={questions} now={Date.now()} />
          ) : (
            <TicketTierList event={event} />
          )}
        </section>
      </div>

      <p>
        <Link href="/">← All events</Link>
      </p>
    </article>
  );
}
