import { ConflictError } from '../shared/errors';

/**
 * Until when a ticket's holder may be changed: the event's start. Events have no setting of their
 * own for it yet (issue 17 adds one); this is the one place that will read it.
 * Null: the event has no date, so nothing has passed.
 */
export function ticketChangeDeadline(event: { starts_at: string | null }): Date | null {
  return event.starts_at ? new Date(event.starts_at) : null;
}

export function assertTicketChangeAllowed(event: { starts_at: string | null }, now: Date): void {
  const deadline = ticketChangeDeadline(event);
  if (deadline && now >= deadline)
    throw new ConflictError(
      'change_deadline_passed',
      `Tickets of this event can no longer change holder (the deadline was ${deadline.toISOString()})`,
      { deadline: deadline.toISOString() },
    );
}
