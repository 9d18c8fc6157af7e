/**
 * How events read on screen. One fixed locale (the site is in English, <html lang="en">), so the
 * server and the browser format the same instant identically.
 */
export const DISPLAY_LOCALE = 'en-US';

/** 299 USD → "$299.00"; 1500 JPY → "¥1,500". Amounts are in the currency's major unit. */
export function formatMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat(DISPLAY_LOCALE, { style: 'currency', currency }).format(amount);
}

function zoneNameAt(date: Date, timeZone: string, locale: string): string {
  return (
    new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
      .formatToParts(date)
      .find((p) => p.type === 'timeZoneName')?.value ?? timeZone
  );
}

/**
 * The zone's abbreviation at that date: "EDT", "CEST", "BST". en-US only abbreviates American
 * zones (Berlin reads "GMT+2"), en-GB knows the European ones; elsewhere the GMT offset stays.
 */
export function zoneAbbreviation(date: Date, timeZone: string): string {
  const us = zoneNameAt(date, timeZone, DISPLAY_LOCALE);
  if (!/^GMT[+-]/.test(us)) return us;
  const gb = zoneNameAt(date, timeZone, 'en-GB');
  return /^GMT[+-]/.test(gb) ? us : gb;
}

const DATE_TIME: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
};

/** "Sat, Jun 14, 2025, 9:00 AM CEST", in the event's own time zone. */
export function formatInZone(iso: string, timeZone: string): string {
  const date = new Date(iso);
  const text = new Intl.DateTimeFormat(DISPLAY_LOCALE, { ...DATE_TIME, timeZone }).format(date);
  return `${text} ${zoneAbbreviation(date, timeZone)}`;
}

/**
 * When an event happens, in its own time zone: "Sat, Jun 14, 2025, 9:00 AM – 5:00 PM CEST", or a
 * range over two dates. "Date to be announced" without a start.
 */
export function formatEventWhen(event: {
  startsAt: string | null;
  endsAt: string | null;
  timezone: string;
}): string {
  if (!event.startsAt) return 'Date to be announced';
  if (!event.endsAt) return formatInZone(event.startsAt, event.timezone);
  const start = new Date(event.startsAt);
  const end = new Date(event.endsAt);
  const range = new Intl.DateTimeFormat(DISPLAY_LOCALE, {
    ...DATE_TIME,
    timeZone: event.timezone,
  }).formatRange(start, end);
  const startZone = zoneAbbreviation(start, event.timezone);
  const endZone = zoneAbbreviation(end, event.timezone);
  return `${range} ${startZone === endZone ? startZone : `${startZone}/${endZone}`}`;
}

// Made on first use, not when this module loads: the first DisplayNames loads ICU's region data
// (~65 ms of a phone's main thread), and most pages that import this module never name a country.
let regionNames: Intl.DisplayNames | undefined;

/** "DE" → "Germany"; unknown codes stay as they are. */
export function countryName(code: string | null | undefined): string {
  if (!code) return '';
  try {
    regionNames ??= new Intl.DisplayNames([DISPLAY_LOCALE], { type: 'region', fallback: 'code' });
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * Sales at a glance for organizers and admins: tickets taken (sold, plus held in open
 * checkouts) against the capacity. "15 of 500 (3 held)", "15 (no limit)".
 */
export function formatTaken(event: { sold?: number; held?: number; capacity?: number | null }): string {
  const sold = event.sold ?? 0;
  const held = event.held ?? 0;
  const total = sold + held;
  const limit =
    event.capacity === null || event.capacity === undefined ? ' (no limit)' : ` of ${event.capacity}`;
  return `${total}${limit}${held > 0 ? ` (${held} held)` : ''}`;
}

/**
 * A moment at the door, to the second, in the event's own time zone (or the reader's when it is
 * not known): "9:05:12 PM CEST, Sat, Jun 14".
 */
export function formatDoorTime(iso: string, timeZone?: string): string {
  const date = new Date(iso);
  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const time = new Intl.DateTimeFormat(DISPLAY_LOCALE, {
    timeZone: zone,
    hour: 'numeric',
    minute: '2-digit',
    second: '2-digit',
  }).format(date);
  const day = new Intl.DateTimeFormat(DISPLAY_LOCALE, {
    timeZone: zone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
  }).format(date);
  return `${time} ${zoneAbbreviation(date, zone)}, ${day}`;
}
