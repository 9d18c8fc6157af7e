/**
 * Ticket codes read in the browser, for the scanner's offline check. The layout is the one
 * packages/core/src/checkin/ticket-code.ts signs: base64url of
 *   version (1) | key id (4) | ticket id (16) | event id (16) | seed (4) | Ed25519 signature (64)
 * = 105 bytes, exactly 140 characters. The signature covers "eventhub-ticket-code:" followed by
 * the first 41 bytes. Online, the server decides; this only lets a scanner tell a real code from
 * a forged one while the network is down.
 */

export const TICKET_CODE_LENGTH = 140;
const VERSION = 1;
const KEY_ID_END = 5;
const TICKET_ID_END = 21;
const EVENT_ID_END = 37;
const SIGNED_BYTES = 41;
const CODE_BYTES = 105;
const CONTEXT = new TextEncoder().encode('eventhub-ticket-code:');
const CODE_SHAPE = /^[A-Za-z0-9_-]+$/;

export interface ParsedTicketCode {
  /** Which of the organizer's keys signed it: bytes 1–4, base64url (as `checkin-keys` lists them). */
  keyId: string;
  ticketId: string;
  eventId: string;
  /** What the signature covers: the context string, then the first 41 bytes of the code. */
  message: Uint8Array<ArrayBuffer>;
  signature: Uint8Array<ArrayBuffer>;
}

/** Bytes of an unpadded base64url string; null when it is not one. */
export function base64UrlToBytes(text: string): Uint8Array<ArrayBuffer> | null {
  if (!CODE_SHAPE.test(text) || text.length % 4 === 1) return null;
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  try {
    const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

export function bytesToBase64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function uuidOf(bytes: Uint8Array): string {
  const h = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Reads a code's claims without trusting them; null when it is not a ticket code at all. */
export function parseTicketCode(code: string): ParsedTicketCode | null {
  if (code.length !== TICKET_CODE_LENGTH) return null;
  const bytes = base64UrlToBytes(code);
  if (!bytes || bytes.length !== CODE_BYTES || bytes[0] !== VERSION) return null;
  const message = new Uint8Array(CONTEXT.length + SIGNED_BYTES);
  message.set(CONTEXT);
  message.set(bytes.subarray(0, SIGNED_BYTES), CONTEXT.length);
  return {
    keyId: bytesToBase64Url(bytes.subarray(1, KEY_ID_END)),
    ticketId: uuidOf(bytes.subarray(KEY_ID_END, TICKET_ID_END)),
    eventId: uuidOf(bytes.subarray(TICKET_ID_END, EVENT_ID_END)),
    message,
    signature: bytes.slice(SIGNED_BYTES),
  };
}

/** Checks codes against an organizer's public keys. */
export interface TicketSignatureVerifier {
  hasKey(keyId: string): boolean;
  /** False for an unknown key as for a wrong signature. */
  verify(parsed: ParsedTicketCode): Promise<boolean>;
}

/**
 * A verifier for these public keys (raw 32-byte Ed25519 keys, base64url), or null when this
 * browser's Web Crypto cannot do Ed25519 (or there is no Web Crypto: it exists only on HTTPS
 * and localhost); the scanner is then online only. A key that does not import is left out.
 */
export async function createSignatureVerifier(
  keys: readonly { keyId: string; publicKey: string }[],
  subtle: SubtleCrypto | null = globalThis.crypto?.subtle ?? null,
): Promise<TicketSignatureVerifier | null> {
  if (!subtle) return null;
  const imported = new Map<string, CryptoKey>();
  for (const key of keys) {
    const raw = base64UrlToBytes(key.publicKey);
    if (!raw || raw.length !== 32) continue;
    try {
      imported.set(key.keyId, await subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']));
    } catch (error) {
      // NotSupportedError: no Ed25519 here at all. Anything else is this one key's problem.
      if (error instanceof Error && error.name === 'NotSupportedError') return null;
      console.warn(`Check-in key ${key.keyId} could not be imported`, error);
    }
  }
  return {
    hasKey: (keyId) => imported.has(keyId),
    async verify(parsed) {
      const key = imported.get(parsed.keyId);
      if (!key) return false;
      try {
        return await subtle.verify({ name: 'Ed25519' }, key, parsed.signature, parsed.message);
      } catch {
        return false;
      }
    },
  };
}
