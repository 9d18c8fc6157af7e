import type { KeyValueStore } from '../../lib/session-store';

/**
 * A guest order's secret (`orderToken`), which the API returns once when the order is placed and
 * puts in the e-mailed link. Kept in sessionStorage per order, so checkout and the order page of
 * this tab can act on the order without an account; a link's `?token=` is kept the same way.
 */
const tokenKey = (orderId: string) => `eventhub.order-token.${orderId}`;

// The API's tokens are base64url or hex; anything else in the address bar is not one of ours.
const TOKEN_PATTERN = /^[\w-]{16,256}$/;

export function isOrderToken(value: unknown): value is string {
  return typeof value === 'string' && TOKEN_PATTERN.test(value);
}

export function storedOrderToken(store: KeyValueStore | null, orderId: string): string | null {
  try {
    const token = store?.getItem(tokenKey(orderId)) ?? null;
    return isOrderToken(token) ? token : null;
  } catch {
    return null;
  }
}

export function keepOrderToken(store: KeyValueStore | null, orderId: string, token: string): void {
  try {
    store?.setItem(tokenKey(orderId), token);
  } catch (error) {
    console.warn('Could not keep the order link', error);
  }
}

/**
 * The token to act on an order with: the link's (which wins, and is kept for this tab's later
 * pages), else the one kept earlier in this tab; null when neither.
 */
export function orderTokenFor(
  store: KeyValueStore | null,
  orderId: string,
  fromLink: unknown,
): string | null {
  if (isOrderToken(fromLink)) {
    keepOrderToken(store, orderId, fromLink);
    return fromLink;
  }
  return storedOrderToken(store, orderId);
}
