'use client';

import { useSearchParams } from 'next/navigation';
import { CheckinEventPicker } from './checkin-event-picker';
import { DoorScanner } from './door-scanner';

/** /scanner: first the event to check in, then (with ?event=) the scanner for it. */
export function ScannerHome() {
  const eventId = useSearchParams().get('event')?.trim();
  // Keyed by event, so nothing of one event's scanner (result, queue view, timers) leaks into the next.
  return eventId ? <DoorScanner key={eventId} eventId={eventId} /> : <CheckinEventPicker />;
}
