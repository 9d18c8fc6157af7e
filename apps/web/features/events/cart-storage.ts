import type { KeyValueStore } from '../../lib/session-store';
import { parseAgeRange, type AttendeeDraft } from './ticket-selection';
import { readAnswerDrafts, type AnswerDraft } from './checkout-questions';
import { readBillingDraft, type BillingDraft } from '../invoices/billing-details';

/**
 * The ticket selector's choices, kept in sessionStorage per event so that they survive a detour
 * through login or sign-up and a reload: quantities per tier, the promo code, attendee names,
 * billing details for an invoice and, for a guest, who is buying. Storage may be full, disabled
 * or hold something older or foreign: reads fall back to nothing, writes fail quietly (the
 * selector still works, it just forgets).
 */
export interface GuestBuyer {
  name: string;
  email: string;
}

export interface SavedCart {
  quantities: Record<string, number>;
  promoCode: string;
  attendees: Record<string, AttendeeDraft>;
  /** Answers to the event's questions, keyed "order|<questionId>" or "<seatKey>|<questionId>". */
  answers: Record<string, AnswerDraft>;
  /** Set once the visitor chose to check out as a guest; their details as typed so far. */
  guest: GuestBuyer | null;
  /** Billing details for the invoice as typed so far; null until asked for (or where not asked). */
  billing: BillingDraft | null;
}

export const EMPTY_CART: SavedCart = {
  quantities: {},
  promoCode: '',
  attendees: {},
  answers: {},
  guest: null,
  billing: null,
};

const cartKey = (eventId: string) => `eventhub.cart.${eventId}`;

// Bounds that keep a tampered or corrupt entry from blowing up the form.
const MAX_TEXT = 300;
const MAX_QUANTITY = 1000;
const MAX_ENTRIES = 200;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function text(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, MAX_TEXT) : '';
}

function entries(value: unknown): [string, unknown][] {
  return isObject(value) ? Object.entries(value).slice(0, MAX_ENTRIES) : [];
}

function readQuantities(value: unknown): Record<string, number> {
  const quantities: Record<string, number> = {};
  for (const [tierId, q] of entries(value)) {
    if (typeof q === 'number' && Number.isInteger(q) && q > 0 && q <= MAX_QUANTITY) quantities[tierId] = q;
  }
  return quantities;
}

function readAttendees(value: unknown): Record<string, AttendeeDraft> {
  const attendees: Record<string, AttendeeDraft> = {};
  for (const [seat, draft] of entries(value)) {
    if (!isObject(draft)) continue;
    attendees[seat] = {
      name: text(draft.name),
      email: text(draft.email),
      ageRange: parseAgeRange(text(draft.ageRange)),
      country: /^[A-Z]{2}$/.test(text(draft.country)) ? text(draft.country) : '',
    };
  }
  return attendees;
}

/** What was chosen at this event earlier in this tab; the empty cart when nothing (usable) was. */
export function loadCart(store: KeyValueStore, eventId: string): SavedCart {
  let raw: unknown;
  try {
    const stored = store.getItem(cartKey(eventId));
    raw = stored === null ? null : JSON.parse(stored);
  } catch {
    return EMPTY_CART;
  }
  if (!isObject(raw)) return EMPTY_CART;
  const guest = isObject(raw.guest) ? { name: text(raw.guest.name), email: text(raw.guest.email) } : null;
  return {
    quantities: readQuantities(raw.quantities),
    promoCode: text(raw.promoCode),
    attendees: readAttendees(raw.attendees),
    answers: readAnswerDrafts(raw.answers),
    guest,
    billing: readBillingDraft(raw.billing),
  };
}

function isEmpty(cart: SavedCart): boolean {
  return (
    Object.keys(cart.quantities).length === 0 &&
    !cart.promoCode &&
    Object.keys(cart.attendees).length === 0 &&
    Object.keys(cart.answers).length === 0 &&
    cart.guest === null &&
    cart.billing === null
  );
}

/** Keeps the cart (an empty one is removed, so nothing lingers for events never bought at). */
export function saveCart(store: KeyValueStore, eventId: string, cart: SavedCart): void {
  try {
    const quantities = Object.fromEntries(Object.entries(cart.quantities).filter(([, q]) => q > 0));
    const kept = { ...cart, quantities };
    if (isEmpty(kept)) store.removeItem(cartKey(eventId));
    else store.setItem(cartKey(eventId), JSON.stringify(kept));
  } catch (error) {
    console.warn('Could not keep the ticket selection', error);
  }
}

/** Forgets the cart once its order is placed. */
export function clearCart(store: KeyValueStore, eventId: string): void {
  try {
    store.removeItem(cartKey(eventId));
  } catch {
    // Nothing to do: a store that cannot be written holds nothing of ours either.
  }
}
