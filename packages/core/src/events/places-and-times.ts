const TIME_ZONES = new Set(Intl.supportedValuesOf('timeZone'));
const REGION_NAMES = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** IANA time zone names the runtime knows (plus UTC, which ICU lists under Etc/). */
export function isValidTimeZone(zone: string): boolean {
  if (TIME_ZONES.has(zone) || zone === 'UTC') return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/');
  } catch {
    return false;
  }
}

/** ISO 3166-1 alpha-2 country codes. */
export function isCountryCode(code: string): boolean {
  const name = REGION_NAMES.of(code);
  return /^[A-Z]{2}$/.test(code) && name !== undefined && name !== 'Unknown Region';
}

export function isoOrNull(value: string | null | undefined): string | null {
  return value ? new Date(value).toISOString() : null;
}
