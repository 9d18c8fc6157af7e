// Built on first use, not at import (see money.ts): only writes of events validate these.
let timeZones: Set<string> | undefined;
let regionNames: Intl.DisplayNames | undefined;

/** IANA time zone names the runtime knows (plus UTC, which ICU lists under Etc/). */
export function isValidTimeZone(zone: string): boolean {
  if (zone === 'UTC') return true;
  timeZones ??= new Set(Intl.supportedValuesOf('timeZone'));
  if (timeZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/');
  } catch {
    return false;
  }
}

/** ISO 3166-1 alpha-2 country codes. */
export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code)) return false;
  regionNames ??= new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const name = regionNames.of(code);
  return name !== undefined && name !== 'Unknown Region';
}

export function isoOrNull(value: string | null | undefined): string | null {
  return value ? new Date(value).toISOString() : null;
}
