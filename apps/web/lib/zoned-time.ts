/**
 * Wall-clock times in an event's own time zone. A datetime-local input yields "2025-06-14T09:00"
 * with no zone; for an event that means 09:00 where the event happens, not where the organizer's
 * browser happens to be. These helpers convert between that wall clock and UTC instants.
 */

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClockAt(instant: number, timeZone: string): WallClock {
  const parts = partsFormatter(timeZone).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** How far the zone's clocks are ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallClockAt(instant, timeZone);
  const wholeSeconds = instant - (((instant % 1000) + 1000) % 1000);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - wholeSeconds;
}

function isValidZone(timeZone: string): boolean {
  try {
    partsFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * "2025-06-14T09:00" in `timeZone` → "2025-06-14T07:00:00.000Z" (for Europe/Berlin in summer).
 * A time skipped by a daylight-saving jump moves forward by the jump (02:30 → 03:30); a time
 * that occurs twice takes the later one. Undefined for an empty or unreadable value or zone.
 */
export function zonedInputToIso(value: string | null | undefined, timeZone: string): string | undefined {
  const match = value ? WALL_CLOCK.exec(value) : null;
  if (!match || !isValidZone(timeZone)) return undefined;
  const [, y, mo, d, h, mi, s] = match;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  if (Number.isNaN(wall)) return undefined;
  // Guess with the offset at the wall time read as UTC, then correct once with the offset at the
  // guess: the two differ only within a few hours of a daylight-saving change.
  const first = wall - offsetAt(wall, timeZone);
  const secondOffset = offsetAt(first, timeZone);
  const second = wall - secondOffset;
  if (second === first) return new Date(first).toISOString();
  // Still inconsistent: the wall time falls in a gap. Take the later reading (shifted forward).
  const settled = offsetAt(second, timeZone) === secondOffset ? second : Math.max(first, second);
  return new Date(settled).toISOString();
}

/** An ISO instant as the wall clock of `timeZone`, in datetime-local format ("2025-06-14T09:00"). */
export function isoToZonedInput(iso: string | null | undefined, timeZone: string): string {
  if (!iso || !isValidZone(timeZone)) return '';
  const instant = new Date(iso).getTime();
  if (Number.isNaN(instant)) return '';
  const w = wallClockAt(instant, timeZone);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}
