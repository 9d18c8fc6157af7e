import { DISPLAY_LOCALE, formatMoney } from '../../lib/event-format';
import { currencyDigits } from '../../lib/money';

/** One line of an audit entry's details, ready to read: "Event: Tech Conference 2025". */
export interface DetailLine {
  key: string;
  label: string;
  value: string;
  /** The full value when `value` is shortened (an id), for a tooltip. */
  full?: string;
}

const LABELS: Record<string, string> = {
  eventId: 'Event',
  orderId: 'Order',
  refundId: 'Refund',
  deviceId: 'Device',
  promoCode: 'Promo code',
  ticketTypes: 'Ticket types',
  otherSessionsRevoked: 'Other sessions signed out',
  byToken: 'By order link',
  nextAttemptAt: 'Next try',
  lastError: 'Last error',
  providerRef: 'Provider reference',
  supersededCheckInAt: 'Earlier check-in replaced',
  scannedAt: 'Scanned at',
  email: 'E-mail',
};

const MONEY_KEYS = new Set(['amount', 'total', 'subtotal', 'discount', 'price']);
const ID_LIKE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** "promoCode" → "Promo code", "eventId" → "Event". */
export function detailLabel(key: string): string {
  const known = LABELS[key];
  if (known) return known;
  const words = key
    .replace(/Id$/, '')
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** An id's first eight characters: enough to tell two apart at a glance. */
export function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}

function formatInstant(iso: string): string {
  return new Intl.DateTimeFormat(DISPLAY_LOCALE, { dateStyle: 'medium', timeStyle: 'medium' }).format(
    new Date(iso),
  );
}

function plain(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return value.toLocaleString(DISPLAY_LOCALE);
  if (typeof value === 'string') {
    if (ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return formatInstant(value);
    // A code word (`wrong_password`) reads as words; anything else (an address) stays as it is.
    return /^[a-z]+(_[a-z]+)+$/.test(value) ? value.replace(/_/g, ' ') : value;
  }
  if (Array.isArray(value)) return value.length ? value.map(plain).join(', ') : 'none';
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${detailLabel(k)}: ${plain(v)}`)
      .join(', ');
  }
  return String(value);
}

/**
 * An entry's details as lines to read instead of JSON: ids named where the API named them (and
 * shortened where not), sums (stored in minor units) in their currency, dates in the reader's zone, a change as
 * "from → to", and empty values left out.
 */
export function detailLines(
  details: Record<string, unknown>,
  names: Record<string, string> = {},
): DetailLine[] {
  const currency = typeof details.currency === 'string' ? details.currency : null;
  const lines: DetailLine[] = [];
  const hasChange = 'from' in details && 'to' in details;
  if (hasChange) {
    lines.push({ key: 'change', label: 'Change', value: `${plain(details.from)} → ${plain(details.to)}` });
  }
  for (const [key, value] of Object.entries(details)) {
    if (value === null || value === undefined || value === '') continue;
    if (hasChange && (key === 'from' || key === 'to')) continue;
    if (key === 'currency' && currency && Object.keys(details).some((k) => MONEY_KEYS.has(k))) continue;
    const label = detailLabel(key);
    const name = names[key];
    if (name) {
      lines.push({ key, label, value: name });
    } else if (typeof value === 'string' && (ID_LIKE.test(value) || (/Id$/.test(key) && value.length > 12))) {
      lines.push({ key, label, value: shortId(value), full: value });
    } else if (MONEY_KEYS.has(key) && typeof value === 'number' && currency) {
      // The log keeps sums as stored: in the currency's minor units (cents).
      lines.push({ key, label, value: formatMoney(value / 10 ** currencyDigits(currency), currency) });
    } else {
      lines.push({ key, label, value: plain(value) });
    }
  }
  return lines;
}
