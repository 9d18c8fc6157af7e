import { countryName, DISPLAY_LOCALE } from './event-format';

/** Option lists for the event form: IANA time zones, ISO 4217 currencies, ISO 3166 countries. */

let zones: string[] | undefined;
/** Every IANA zone the browser knows, plus UTC (which some engines only list as Etc/UTC). */
export function timeZoneOptions(): string[] {
  zones ??= [...new Set(['UTC', ...Intl.supportedValuesOf('timeZone')])].sort();
  return zones;
}

/** The reader's own time zone, the default for a new event. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

let currencies: { code: string; label: string }[] | undefined;
export function currencyOptions(): { code: string; label: string }[] {
  if (!currencies) {
    const names = new Intl.DisplayNames([DISPLAY_LOCALE], { type: 'currency' });
    currencies = Intl.supportedValuesOf('currency').map((code) => ({
      code,
      label: `${code} — ${names.of(code) ?? code}`,
    }));
  }
  return currencies;
}

// Region codes ICU names that are groupings or test data, not places an event can be in.
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB']);

let countries: { code: string; label: string }[] | undefined;
/** Two-letter region codes the runtime can name, sorted by name: the same test the API applies. */
export function countryOptions(): { code: string; label: string }[] {
  if (!countries) {
    const names = new Intl.DisplayNames([DISPLAY_LOCALE], { type: 'region', fallback: 'none' });
    const found: { code: string; label: string }[] = [];
    for (let a = 65; a <= 90; a += 1) {
      for (let b = 65; b <= 90; b += 1) {
        const code = String.fromCharCode(a, b);
        const name = names.of(code);
        if (name && name !== 'Unknown Region' && !NOT_COUNTRIES.has(code))
          found.push({ code, label: countryName(code) });
      }
    }
    countries = found.sort((x, y) => x.label.localeCompare(y.label, DISPLAY_LOCALE));
  }
  return countries;
}
