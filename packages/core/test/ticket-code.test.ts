import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seal, sealingKey, unseal } from '../src/checkin/sealed-keys';
import {
  newKeyId,
  parseTicketCode,
  signatureIsValid,
  signTicketCode,
  TICKET_CODE_LENGTH,
} from '../src/checkin/ticket-code';

const keyPair = () => generateKeyPairSync('ed25519');
const claims = () => ({ keyId: newKeyId(), ticketId: randomUUID(), eventId: randomUUID() });

function verifies(code: string, publicKey: ReturnType<typeof keyPair>['publicKey']): boolean {
  const parsed = parseTicketCode(code);
  return !!parsed && signatureIsValid(parsed, publicKey);
}

describe('ticket codes', () => {
  it('round-trips: a signed code verifies and carries its key, ticket and event ids', () => {
    const { publicKey, privateKey } = keyPair();
    const c = claims();
    const code = signTicketCode(c, privateKey);
    expect(code).toHaveLength(TICKET_CODE_LENGTH);
    expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(parseTicketCode(code)).toMatchObject(c);
    expect(verifies(code, publicKey)).toBe(true);
    // A new seed each time: a reissued ticket never gets its old code back.
    expect(signTicketCode(c, privateKey)).not.toBe(code);
  });

  it('rejects every single-byte change anywhere in the code', () => {
    const { publicKey, privateKey } = keyPair();
    const bytes = Buffer.from(signTicketCode(claims(), privateKey), 'base64url');
    for (let i = 0; i < bytes.length; i++) {
      for (const flip of [0x01, 0x80, 0xff]) {
        const tampered = Buffer.from(bytes);
        tampered[i] = tampered[i]! ^ flip;
        expect(verifies(tampered.toString('base64url'), publicKey), `byte ${i} ^ ${flip}`).toBe(false);
      }
    }
  });

  it('rejects every single-character change of the text, truncation and extension', () => {
    const { publicKey, privateKey } = keyPair();
    const code = signTicketCode(claims(), privateKey);
    for (let i = 0; i < code.length; i++) {
      const other = code[i] === 'A' ? 'B' : 'A';
      expect(verifies(code.slice(0, i) + other + code.slice(i + 1), publicKey)).toBe(false);
    }
    expect(verifies(code.slice(0, -1), publicKey)).toBe(false);
    expect(verifies(`${code}A`, publicKey)).toBe(false);
    expect(verifies(code.replace(/[-_]/g, '+'), publicKey)).toBe(false);
    expect(parseTicketCode('')).toBeNull();
    expect(parseTicketCode('not a code at all')).toBeNull();
  });

  it("rejects a code signed with another organizer's key", () => {
    const mine = keyPair();
    const theirs = keyPair();
    const code = signTicketCode(claims(), theirs.privateKey);
    expect(verifies(code, mine.publicKey)).toBe(false);
  });
});

describe('signing keys at rest', () => {
  it('seals a private key so only the same secret and key id open it', () => {
    const { privateKey } = keyPair();
    const der = privateKey.export({ type: 'pkcs8', format: 'der' });
    const key = sealingKey('a-deployment-secret-of-enough-length-123');
    const sealed = seal(key, 'kid1', der);
    expect(sealed).not.toContain(der.toString('base64url'));
    expect(unseal(key, 'kid1', sealed).equals(der)).toBe(true);
    expect(() => unseal(sealingKey('another-deployment-secret-of-enough-len'), 'kid1', sealed)).toThrow();
    expect(() => unseal(key, 'kid2', sealed)).toThrow();
  });
});
