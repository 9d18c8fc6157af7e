'use client';

import type { Availability } from '@eventhub/client';
import { useEffect, useState } from 'react';
import { parseAvailability } from './availability';

// EventSource retries dropped connections itself, but gives up for good on an HTTP error (a 429
// when one client holds too many streams, a 5xx): open a new one after this long then.
const REOPEN_AFTER_MS = 30_000;

/**
 * An event's remaining tickets as they change, from GET /api/events/:id/availability/stream (the
 * browser's EventSource, which reconnects with Last-Event-ID by itself). Null until the first
 * message, and on the server: the page renders with the counts it was loaded with, then follows.
 */
export function useLiveAvailability(eventId: string, enabled = true): Availability | null {
  const [availability, setAvailability] = useState<Availability | null>(null);

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let reopenTimer: ReturnType<typeof setTimeout> | undefined;
    const url = `/api/events/${encodeURIComponent(eventId)}/availability/stream`;

    function open() {
      source = new EventSource(url);
      source.addEventListener('availability', (message) => {
        const next = parseAvailability((message as MessageEvent<string>).data);
        if (next) setAvailability(next);
      });
      source.addEventListener('error', () => {
        if (source?.readyState !== EventSource.CLOSED) return;
        reopenTimer = setTimeout(open, REOPEN_AFTER_MS);
      });
    }

    open();
    return () => {
      clearTimeout(reopenTimer);
      source?.close();
      setAvailability(null);
    };
  }, [eventId, enabled]);

  return availability;
}
