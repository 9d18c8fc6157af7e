import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * An order's access token (`orderToken`, `X-Order-Token`, `?token=` on links): whoever holds it
 * may do with the order what its buyer may (guest checkout, issue 16).
 *
 * The token is HMAC-SHA256(key, order id), 256 bits, base64url, with a key derived from
 * APP_SECRET; the database keeps only its SHA-256 (`orders.order_token_hash`), and access is
 * granted by comparing hashes in constant time. Why derived rather than drawn at random and
 * forgotten: the token must reach the buyer again later, when the token placing the order
 * returned is long gone —
 * - the confirmation mail is queued when the order becomes paid, which may be a Stripe webhook
 *   or a late payment hours after the 201 (no token in hand);
 * - the "find my orders" mail must link to every order of an address. Issuing a fresh token on
 *   lookup would replace the hash and break the links already sent, and anyone may ask for a
 *   lookup of any address: it would let a stranger kill a guest's links at will. A separate
 *   lookup token would need its own table and expiry for no gain in secrecy.
 * Deriving gives the same link everywhere and stores no token anywhere. Without APP_SECRET, a
 * copy of the database yields nothing; with it, an attacker could also unseal the ticket-signing
 * keys, so no new secret is put at risk.
 */
export class OrderLinks {
  private readonly key: Buffer;

  constructor(
    appSecret: string,
    /** The web app's origin (PUBLIC_URL), for the links in mails. */
    private readonly publicUrl: string,
  ) {
    this.key = Buffer.from(hkdfSync('sha256', appSecret, 'eventhub', 'order-access-token/v1', 32));
  }

  /** The order's access token. */
  token(orderId: string): string {
    return createHmac('sha256', this.key).update(orderId).digest('base64url');
  }

  /**
   * The order page with its token, as mailed. The web app's order page is /account/orders/:id;
   * with `?token=` it opens without signing in.
   */
  pageUrl(orderId: string): string {
    return `${this.publicUrl.replace(/\/$/, '')}/account/orders/${encodeURIComponent(orderId)}?token=${this.token(orderId)}`;
  }
}

/** What the database keeps of a token. */
export function hashOrderToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether `token` is the one whose hash is `storedHash`, in time independent of where they differ. */
export function orderTokenMatches(token: string, storedHash: string | null): boolean {
  if (!storedHash || token.length === 0 || token.length > 512) return false;
  const presented = createHash('sha256').update(token, 'utf8').digest();
  const stored = Buffer.from(storedHash, 'hex');
  return stored.length === presented.length && timingSafeEqual(presented, stored);
}
