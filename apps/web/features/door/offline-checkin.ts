import type { CheckinKeys, ScanResult } from '@eventhub/client';
import { parseTicketCode, type TicketSignatureVerifier } from './ticket-code';

/** Tickets this device has seen admitted, ticket id → (first) check-in time. */
export type DeviceAdmissions = Readonly<Record<string, string>>;

/** What the scanner itself concludes about a code while the server cannot be asked. */
export interface OfflineVerdict {
  result: ScanResult;
  ticketId: string | null;
  /** For `valid` the scan time; for `already_used` when this device first admitted the ticket. */
  checkedInAt: string | null;
}

export interface OfflineCheckContext {
  /** The event's check-in data as last downloaded. */
  keys: Pick<CheckinKeys, 'eventId' | 'eventStatus' | 'voidTicketIds' | 'revokedCodes'>;
  verifier: TicketSignatureVerifier;
  admitted: DeviceAdmissions;
  /** When the scan happened, ISO 8601. */
  scannedAt: string;
}

/**
 * Decides a scan without the server, the way the server would as far as the scanner can know:
 * a real signature by one of the organizer's keys, the right event, not void or revoked (as of
 * the last download), and not admitted before on this device. Another scanner may still have
 * admitted the ticket; uploading the scan later reports that as a conflict.
 */
export async function checkOffline(code: string, context: OfflineCheckContext): Promise<OfflineVerdict> {
  const refused = (result: ScanResult, ticketId: string | null = null): OfflineVerdict => ({
    result,
    ticketId,
    checkedInAt: null,
  });
  const parsed = parseTicketCode(code);
  if (!parsed) return refused('invalid_code');
  const { keys, verifier, admitted } = context;
  const knownKey = verifier.hasKey(parsed.keyId);
  if (knownKey && !(await verifier.verify(parsed))) return refused('invalid_code');
  // Another organizer's code cannot be verified with this event's keys; it is turned away
  // either way, and "wrong event" tells the holder more than "invalid".
  if (parsed.eventId !== keys.eventId) return refused('wrong_event');
  if (!knownKey) return refused('invalid_code');

  if (
    keys.eventStatus === 'cancelled' ||
    keys.voidTicketIds.includes(parsed.ticketId) ||
    keys.revokedCodes.includes(code)
  ) {
    return refused('void', parsed.ticketId);
  }
  const earlier = admitted[parsed.ticketId];
  if (earlier) return { result: 'already_used', ticketId: parsed.ticketId, checkedInAt: earlier };
  return { result: 'valid', ticketId: parsed.ticketId, checkedInAt: context.scannedAt };
}

/** Records an admission, keeping the earliest time when the ticket is already known. */
export function withAdmission(admitted: DeviceAdmissions, ticketId: string, at: string): DeviceAdmissions {
  const earlier = admitted[ticketId];
  if (earlier && earlier <= at) return admitted;
  return { ...admitted, [ticketId]: at };
}
