import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
// The server's own signer, so these tests fail if the browser's reading of a code drifts from it.
import { signTicketCode } from '../../../../packages/core/src/checkin/ticket-code';
import {
  base64UrlToBytes,
  bytesToBase64Url,
  createSignatureVerifier,
  parseTicketCode,
  TICKET_CODE_LENGTH,
} from '../../features/door/ticket-code';

function signingKey(): { keyId: string; publicKey: string; privateKey: KeyObject } {
  const pair = generateKeyPairSync('ed25519');
  return {
    keyId: bytesToBase64Url(crypto.getRandomValues(new Uint8Array(4))),
    publicKey: pair.publicKey.export({ format: 'jwk' }).x!,
    privateKey: pair.privateKey,
  };
}

/** One character changed, still base64url. */
function tamper(code: string, at: number): string {
  return code.slice(0, at) + (code[at] === 'A' ? 'B' : 'A') + code.slice(at + 1);
}

describe('parseTicketCode', () => {
  it('reads the key, ticket and event ids the server signed into a code', () => {
    const key = signingKey();
    const claims = { keyId: key.keyId, ticketId: randomUUID(), eventId: randomUUID() };
    const code = signTicketCode(claims, key.privateKey);
    expect(code).toHaveLength(TICKET_CODE_LENGTH);
    const parsed = parseTicketCode(code);
    expect(parsed).toMatchObject(claims);
    expect(parsed?.signature).toHaveLength(64);
    expect(new TextDecoder().decode(parsed!.message.subarray(0, 21))).toBe('eventhub-ticket-code:');
  });

  it('refuses what is not a version-1 code of 140 base64url characters', () => {
    const key = signingKey();
    const code = signTicketCode(
      { keyId: key.keyId, ticketId: randomUUID(), eventId: randomUUID() },
      key.privateKey,
    );
    expect(parseTicketCode('')).toBeNull();
    expect(parseTicketCode(code.slice(1))).toBeNull();
    expect(parseTicketCode(`${code}A`)).toBeNull();
    expect(parseTicketCode(`${code.slice(0, -1)}+`)).toBeNull();
    expect(parseTicketCode(`C${code.slice(1)}`)).toBeNull(); // version byte 0x08
    expect(parseTicketCode('https://example.com/' + 'x'.repeat(120))).toBeNull();
  });
});

describe('base64url', () => {
  it('round-trips bytes without padding', () => {
    const bytes = new Uint8Array([0, 251, 255, 62, 63, 1, 2]);
    const text = bytesToBase64Url(bytes);
    expect(text).not.toMatch(/[+/=]/);
    expect(base64UrlToBytes(text)).toEqual(bytes);
    expect(base64UrlToBytes('a')).toBeNull();
    expect(base64UrlToBytes('ab+c')).toBeNull();
  });
});

describe('createSignatureVerifier', () => {
  it("accepts the organizer's signatures, old keys included, and nothing forged", async () => {
    const current = signingKey();
    const retired = signingKey();
    const stranger = signingKey();
    const verifier = (await createSignatureVerifier([current, retired]))!;
    expect(verifier).not.toBeNull();
    const claims = { ticketId: randomUUID(), eventId: randomUUID() };

    const good = parseTicketCode(signTicketCode({ ...claims, keyId: current.keyId }, current.privateKey))!;
    const old = parseTicketCode(signTicketCode({ ...claims, keyId: retired.keyId }, retired.privateKey))!;
    expect(await verifier.verify(good)).toBe(true);
    expect(await verifier.verify(old)).toBe(true);

    // Signed by someone else under the organizer's key id.
    const forged = parseTicketCode(signTicketCode({ ...claims, keyId: current.keyId }, stranger.privateKey))!;
    expect(await verifier.verify(forged)).toBe(false);
    // A ticket id changed after signing (byte 10 sits inside the ticket id).
    const code = signTicketCode({ ...claims, keyId: current.keyId }, current.privateKey);
    expect(await verifier.verify(parseTicketCode(tamper(code, 14))!)).toBe(false);
    // A key the verifier does not know.
    const unknown = parseTicketCode(
      signTicketCode({ ...claims, keyId: stranger.keyId }, stranger.privateKey),
    )!;
    expect(verifier.hasKey(stranger.keyId)).toBe(false);
    expect(await verifier.verify(unknown)).toBe(false);
  });

  it('is null where Web Crypto has no Ed25519, so the scanner stays online only', async () => {
    const unsupported = {
      importKey: () => Promise.reject(new DOMException('Unrecognized name.', 'NotSupportedError')),
    } as unknown as SubtleCrypto;
    expect(await createSignatureVerifier([signingKey()], unsupported)).toBeNull();
    expect(await createSignatureVerifier([signingKey()], null)).toBeNull();
  });

  it('leaves out a key that does not import and keeps the others', async () => {
    const good = signingKey();
    const verifier = (await createSignatureVerifier([{ keyId: 'AAAAAA', publicKey: 'short' }, good]))!;
    expect(verifier.hasKey('AAAAAA')).toBe(false);
    expect(verifier.hasKey(good.keyId)).toBe(true);
  });
});
