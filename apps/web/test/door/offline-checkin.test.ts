import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { signTicketCode } from '../../../../packages/core/src/checkin/ticket-code';
import { checkOffline, withAdmission, type OfflineCheckContext } from '../../features/door/offline-checkin';
import { createSignatureVerifier, type TicketSignatureVerifier } from '../../features/door/ticket-code';

const organizer = generateKeyPairSync('ed25519');
const otherOrganizer = generateKeyPairSync('ed25519');
const keyId = 'b3JnMQ';
const otherKeyId = 'b3JnMg';
const eventId = randomUUID();
const scannedAt = '2025-06-14T19:05:00.000Z';
let verifier: TicketSignatureVerifier;

const codeFor = (ticketId: string, forEvent = eventId) =>
  signTicketCode({ keyId, ticketId, eventId: forEvent }, organizer.privateKey);

function context(overrides: Partial<OfflineCheckContext['keys']> = {}, admitted = {}): OfflineCheckContext {
  return {
    keys: { eventId, eventStatus: 'published', voidTicketIds: [], revokedCodes: [], ...overrides },
    verifier,
    admitted,
    scannedAt,
  };
}

beforeAll(async () => {
  const publicKey = organizer.publicKey.export({ format: 'jwk' }).x!;
  verifier = (await createSignatureVerifier([{ keyId, publicKey }]))!;
});

describe('checkOffline', () => {
  it('admits a genuine ticket of this event at the time of the scan', async () => {
    const ticketId = randomUUID();
    expect(await checkOffline(codeFor(ticketId), context())).toEqual({
      result: 'valid',
      ticketId,
      checkedInAt: scannedAt,
    });
  });

  it('refuses a ticket this device admitted before, with the first time', async () => {
    const ticketId = randomUUID();
    const admitted = { [ticketId]: '2025-06-14T18:00:00.000Z' };
    expect(await checkOffline(codeFor(ticketId), context({}, admitted))).toEqual({
      result: 'already_used',
      ticketId,
      checkedInAt: '2025-06-14T18:00:00.000Z',
    });
  });

  it('refuses void tickets, revoked codes and everything of a cancelled event as void', async () => {
    const ticketId = randomUUID();
    const code = codeFor(ticketId);
    expect((await checkOffline(code, context({ voidTicketIds: [ticketId] }))).result).toBe('void');
    expect((await checkOffline(code, context({ revokedCodes: [code] }))).result).toBe('void');
    expect((await checkOffline(code, context({ eventStatus: 'cancelled' }))).result).toBe('void');
    // The reissued code of the same ticket is not revoked.
    expect((await checkOffline(codeFor(ticketId), context({ revokedCodes: [code] }))).result).toBe('valid');
  });

  it('refuses a genuine ticket of another event as the wrong event', async () => {
    const verdict = await checkOffline(codeFor(randomUUID(), randomUUID()), context());
    expect(verdict.result).toBe('wrong_event');
  });

  it("calls another organizer's ticket for another event the wrong event, though it cannot verify it", async () => {
    const code = signTicketCode(
      { keyId: otherKeyId, ticketId: randomUUID(), eventId: randomUUID() },
      otherOrganizer.privateKey,
    );
    expect((await checkOffline(code, context())).result).toBe('wrong_event');
  });

  it('refuses forgeries, unknown keys and garbage as invalid', async () => {
    const ticketId = randomUUID();
    const forged = signTicketCode({ keyId, ticketId, eventId }, otherOrganizer.privateKey);
    const unknownKey = signTicketCode({ keyId: otherKeyId, ticketId, eventId }, otherOrganizer.privateKey);
    for (const code of [forged, unknownKey, 'not a code', '']) {
      expect(await checkOffline(code, context())).toEqual({
        result: 'invalid_code',
        ticketId: null,
        checkedInAt: null,
      });
    }
  });

  it('checks the signature before trusting the event id in a code signed with a known key', async () => {
    const forgedElsewhere = signTicketCode(
      { keyId, ticketId: randomUUID(), eventId: randomUUID() },
      otherOrganizer.privateKey,
    );
    expect((await checkOffline(forgedElsewhere, context())).result).toBe('invalid_code');
  });
});

describe('withAdmission', () => {
  it('keeps the earliest check-in of a ticket', () => {
    const once = withAdmission({}, 't1', '2025-06-14T19:00:00.000Z');
    expect(withAdmission(once, 't1', '2025-06-14T20:00:00.000Z')).toBe(once);
    expect(withAdmission(once, 't1', '2025-06-14T18:00:00.000Z')).toEqual({ t1: '2025-06-14T18:00:00.000Z' });
    expect(withAdmission(once, 't2', scannedAt)).toEqual({ t1: '2025-06-14T19:00:00.000Z', t2: scannedAt });
  });
});
