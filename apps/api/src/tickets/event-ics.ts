import { createRequire } from 'node:module';
import { ConflictError } from '@eventhub/core';
import type { PrintableEvent } from '@eventhub/core';
import type { EventAttributes, createEvent as CreateEvent } from 'ics';

// Loaded on the first calendar download, synchronously (ics is CommonJS): most processes never render one.
const require = createRequire(import.meta.url);
let createEvent: typeof CreateEvent | undefined;

// Calendar apps need an end; two hours is what they would show for a typical evening event.
const DEFAULT_DURATION_MS = 2 * 60 * 60 * 1000;

/**
 * Renders the event as an RFC 5545 calendar (METHOD:PUBLISH, one VEVENT, CRLF line endings,
 * times in UTC). The UID is stable per event, so re-importing updates the entry instead of
 * duplicating it. Throws `not_scheduled` (409) while the event has no start time.
 */
export function renderEventIcs(event: PrintableEvent, now: Date): string {
  if (!event.startsAt) {
    throw new ConflictError(
      'not_scheduled',
      'This event has no date yet, so it cannot be added to a calendar',
    );
  }
  const start = Date.parse(event.startsAt);
  const end = event.endsAt ? Date.parse(event.endsAt) : start + DEFAULT_DURATION_MS;

  // `timestamp` (DTSTAMP) is accepted by ics but missing from its types; without it ics uses Date.now().
  const attributes: EventAttributes & { timestamp: number } = {
    productId: '-//EventHub//Tickets//EN',
    method: 'PUBLISH',
    uid: `${event.id}@eventhub`,
    timestamp: now.getTime(),
    title: event.name,
    start,
    startInputType: 'utc',
    startOutputType: 'utc',
    end,
    endInputType: 'utc',
    endOutputType: 'utc',
    location: venueLine(event) ?? undefined,
    description: event.description ?? undefined,
    // ics validates URLs with a lower-case-only pattern; URL normalises scheme and host.
    url: event.url ? new URL(event.url).href : undefined,
  };
  createEvent ??= (require('ics') as { createEvent: typeof CreateEvent }).createEvent;
  const { error, value } = createEvent(attributes);
  if (error || !value) throw error ?? new Error('ics produced no calendar');
  return value;
}

function venueLine({ venue }: PrintableEvent): string | null {
  if (!venue) return null;
  const parts = [venue.name, venue.address, venue.city, venue.country].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : null;
}
