import type { EventRow } from '../db/schema';
import { ConflictError } from '../shared/errors';

export type TicketChangeFields = Pick<EventRow, 'starts_at' | 'holder_change_until_hours_before'>;

export interface HolderChangeWindow {
  /** False when the organizer turned holder changes off. */
  allowed: boolean;
  /** The last moment a holder may be changed; null when allowed with no date set (nothing has passed). */
  until: string | null;
}

/**
 * Until when a ticket's holder may be changed: the event's setting, in hours before its start,
 * beside the refund policy. The one place that reads the setting: the change itself and the
 * order view both ask here.
 */
export function holderChangeWindow(event: TicketChangeFields): HolderChangeWindow {
  const hours = event.holder_change_until_hours_before;
  if (hours === null) return { allowed: false, until: null };
  if (!event.starts_at) return { allowed: true, until: null };
  return {
    allowed: true,
    until: new Date(new Date(event.starts_at).getTime() - hours * 3_600_000).toISOString(),
  };
}

export function assertTicketChangeAllowed(event: TicketChangeFields, now: Date): void {
  const window = holderChangeWindow(event);
  if (!window.allowed)
    throw new ConflictError('holder_changes_disabled', 'The organizer does not allow ticket holder changes');
  if (window.until && now.getTime() >= new Date(window.until).getTime())
    throw new ConflictError(
      'change_deadline_passed',
      `Tickets of this event can no longer change holder (the deadline was ${window.until})`,
      { deadline: window.until },
    );
}
