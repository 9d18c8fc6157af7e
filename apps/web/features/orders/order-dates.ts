import { DISPLAY_LOCALE } from '../../lib/event-format';

/**
 * When an order was placed, in the reader's own time zone ("Jun 14, 2025, 9:05 AM"): unlike an
 * event's start, an order is the reader's own action. Only ever rendered in the browser.
 */
export function formatPlacedAt(iso: string): string {
  return new Intl.DateTimeFormat(DISPLAY_LOCALE, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

/**
 * A day filter ("2025-06-14", from a date input) as the instant its day starts or ends in the
 * reader's time zone; undefined when empty or unreadable.
 */
export function dayBoundToIso(day: string | null | undefined, bound: 'start' | 'end'): string | undefined {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const date = new Date(`${day}T${bound === 'start' ? '00:00:00.000' : '23:59:59.999'}`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
