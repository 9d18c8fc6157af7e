/**
 * The event as an iCalendar file to add to a calendar: public, so a plain link works. The API
 * answers 409 while the event has no date, so link to it only when there is one.
 */
export function eventCalendarHref(eventId: string): string {
  return `/api/events/${encodeURIComponent(eventId)}/calendar.ics`;
}
