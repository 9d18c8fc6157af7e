'use client';

import type { Event } from '@eventhub/client';
import Link from 'next/link';
import { useCallback } from 'react';
import { EventDetailsEditor } from './event-details-editor';
import { EventImageEditor } from './event-image-editor';
import { EventLifecycle } from './event-lifecycle';
import { PromotionsEditor } from './promotions-editor';
import { QuestionsEditor } from './questions-editor';
import { TicketTypesEditor } from './ticket-types-editor';
import { EventStatusBadge } from '@/components/event-status-badge';
import { FormAlert } from '@/components/form-alert';
import { formatEventWhen, formatTaken } from '@/lib/event-format';
import { useApiData } from '@/lib/use-api-data';

/** The organizer's editor for one event: status, details, image, ticket types, promo codes and questions. */
export function EventEditor({ eventId }: { eventId: string }) {
  const loaded = useApiData((client) => client.events.get(eventId), eventId);
  const { setData } = loaded;
  const update = useCallback(
    (change: (event: Event) => Event) => setData((current) => (current ? change(current) : current)),
    [setData],
  );
  const replace = useCallback((event: Event) => setData(() => event), [setData]);

  const event = loaded.data;
  if (!event) {
    return (
      <>
        <p>
          <Link href="/organizer">← My events</Link>
        </p>
        {loaded.error ? <FormAlert message={loaded.error} /> : <p aria-busy="true">Loading event…</p>}
      </>
    );
  }

  return (
    <>
      <p>
        <Link href="/organizer">← My events</Link>
      </p>
      <hgroup>
        <h1>{event.name}</h1>
        <p>
          <EventStatusBadge status={event.status} /> {formatEventWhen(event)}
        </p>
      </hgroup>
      <p>
        Tickets sold: {formatTaken(event)}.
        {event.status === 'draft' ? null : (
          <>
            {' '}
            <Link href={`/organizer/events/${event.id}/analytics`}>Sales dashboard</Link> ·{' '}
            <Link href={`/organizer/events/${event.id}/orders`}>Orders</Link> ·{' '}
            <Link href={`/events/${event.id}`}>View the public page</Link> ·{' '}
            <Link href={`/scanner?event=${event.id}`}>Scan tickets at the door</Link>
          </>
        )}
      </p>

      <EventLifecycle event={event} onChange={replace} />
      <EventDetailsEditor event={event} onChange={replace} />
      <EventImageEditor event={event} onChange={replace} />
      <TicketTypesEditor event={event} onChange={update} />
      <PromotionsEditor event={event} onChange={update} />
      <QuestionsEditor event={event} />
    </>
  );
}
