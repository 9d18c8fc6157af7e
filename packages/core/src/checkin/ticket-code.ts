import { randomBytes, sign, verify, type KeyObject } from 'node:crypto';

/*
 * A ticket code, as the QR holds it: base64url of
 *   version (1) | key id (4) | ticket id (16) | event id (16) | seed (4) | Ed25519 signature (64)
 * = 105 bytes = exactly 140 characters, no padding (QR version 8 at level M, 49 modules).
 * The signature alone is 86 characters; carrying both 128-bit ids costs the rest. Shorter codes
 * would need short ids, which leak volume or collide, so we keep the ids whole.
 * The seed makes a reissued ticket's code differ from its revoked predecessor.
 */
export const TICKET_CODE_VERSION = 1;
export const TICKET_CODE_LENGTH = 140;
const KEY_ID_BYTES = 4;
const SIGNED_BYTES = 1 + KEY_ID_BYTES + 16 + 16 + 4;
const SIGNATURE_BYTES = 64;
// Domain separation: a signature over a ticket code can never be mistaken for one over anything else.
const CONTEXT = Buffer.from('eventhub-ticket-code:');
const CODE_SHAPE = /^[A-Za-z0-9_-]+$/;

export interface TicketCodeClaims {
  keyId: string;
  ticketId: string;
  eventId: string;
}

export interface ParsedTicketCode extends TicketCodeClaims {
  signed: Buffer;
  signature: Buffer;
}

export function newKeyId(): string {
  return randomBytes(KEY_ID_BYTES).toString('base64url');
}

const uuidBytes = (id: string) => {
  const hex = id.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`Not a UUID: ${id}`);
  return Buffer.from(hex, 'hex');
};

const uuidText = (bytes: Buffer) => {
  const h = bytes.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

/** Signs a fresh code for a ticket; each call has a new seed, so each code is different. */
export function signTicketCode(claims: TicketCodeClaims, privateKey: KeyObject): string {
  const signed = Buffer.concat([
    Buffer.of(TICKET_CODE_VERSION),
    Buffer.from(claims.keyId, 'base64url'),
    uuidBytes(claims.ticketId),
    uuidBytes(claims.eventId),
    randomBytes(4),
  ]);
  if (signed.length !== SIGNED_BYTES) throw new Error('Malformed key id');
  const signature = sign(null, Buffer.concat([CONTEXT, signed]), privateKey);
  return Buffer.concat([signed, signature]).toString('base64url');
}

/** Reads a code's claims without trusting them; null when it is not a code of ours at all. */
export function parseTicketCode(code: string): ParsedTicketCode | null {
  if (code.length !== TICKET_CODE_LENGTH || !CODE_SHAPE.test(code)) return null;
  const bytes = Buffer.from(code, 'base64url');
  if (bytes.length !== SIGNED_BYTES + SIGNATURE_BYTES || bytes[0] !== TICKET_CODE_VERSION) return null;
  return {
    keyId: bytes.subarray(1, 1 + KEY_ID_BYTES).toString('base64url'),
    ticketId: uuidText(bytes.subarray(5, 21)),
    eventId: uuidText(bytes.subarray(21, 37)),
    signed: bytes.subarray(0, SIGNED_BYTES),
    signature: bytes.subarray(SIGNED_BYTES),
  };
}

export function signatureIsValid(parsed: ParsedTicketCode, publicKey: KeyObject): boolean {
  return verify(null, Buffer.concat([CONTEXT, parsed.signed]), publicKey, parsed.signature);
}
