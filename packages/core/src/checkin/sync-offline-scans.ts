import { writeAudit } from '../audit/write-audit';
import type { Actor, RequestMeta } from '../shared/actor';
import { ForbiddenError, ValidationError } from '../shared/errors';
import { admitTicket, type Admission, type ScanResult } from './admit-ticket';
import { canCheckIn, canCheckInCodeOf, findCheckinEvent } from './checkin-access';
import type { CheckinDeps } from './checkin-deps';
import type { VerifiedTicketCode } from './key-ring';
import { scanAuditEntry, type ScanContext } from './scan-audit';

export const MAX_OFFLINE_SCANS = 500;

export interface OfflineScan {
  code: string;
  scannedAt: string;
  nonce?: string;
}

export interface OfflineScanResult {
  code: string;
  ticketId: string | null;
  result: ScanResult;
  /** The ticket's recorded (first) check-in time. */
  checkedInAt: string | null;
  /**
   * True when this ticket was admitted at the door more than once: the offline scanner let this
   * person in although the ticket had been (or was later found to be) checked in earlier.
   */
  conflict: boolean;
}

export interface OfflineSyncReport {
  results: OfflineScanResult[];
  accepted: number;
  conflicts: number;
}

/**
 * Uploads scans a scanner queued while offline. They are applied in scan-time order, so the
 * first scan of a ticket wins even when it reaches the server last; every later scan of it is
 * reported as a conflict. A re-upload with the same nonces changes nothing.
 */
export async function syncOfflineScans(
  deps: CheckinDeps,
  actor: Actor,
  eventId: string,
  input: { deviceId?: string; scans: OfflineScan[] },
  meta: RequestMeta,
): Promise<OfflineSyncReport> {
  if (input.scans.length > MAX_OFFLINE_SCANS)
    throw new ValidationError([{ field: 'scans', message: `at most ${MAX_OFFLINE_SCANS} per upload` }]);
  const event = await findCheckinEvent(deps.db, eventId);
  if (!canCheckIn(actor, event)) throw new ForbiddenError('You may not check in tickets of this event');
  const now = deps.clock.now().getTime();
  // A scan cannot have happened after its upload: a scanner whose clock runs ahead has its
  // times capped at now rather than its whole batch refused (the scans are still real).
  const scans = input.scans.map((scan, index) => {
    const at = Date.parse(scan.scannedAt);
    if (Number.isNaN(at))
      throw new ValidationError([{ field: `scans/${index}/scannedAt`, message: 'must be an ISO 8601 time' }]);
    return { ...scan, index, at: new Date(Math.min(at, now)).toISOString() };
  });
  const verified = await Promise.all(scans.map((s) => deps.keys.verify(s.code)));
  const order = scans.slice().sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.index - b.index));
  const ctx = (scannedAt: string): ScanContext => ({
    actor,
    meta,
    deviceId: input.deviceId ?? null,
    scannedAt,
  });

  const results = await deps.db.transaction().execute(async (tx) => {
    const out: OfflineScanResult[] = new Array(scans.length);
    for (const scan of order) {
      const admission = await classify(scan, verified[scan.index] ?? null);
      await writeAudit(tx, deps.clock, scanAuditEntry(ctx(scan.at), event.id, admission));
      const ticketId = admission.ticket?.id ?? null;
      // The scanner admitted everyone it scanned offline: a second admission is a conflict.
      const conflict =
        (admission.result === 'already_used' || admission.supersededCheckInAt !== undefined) && !!ticketId;
      out[scan.index] = {
        code: scan.code,
        ticketId,
        result: admission.result,
        checkedInAt: admission.checkedInAt,
        conflict,
      };
    }
    return out;

    async function classify(
      scan: OfflineScan & { at: string },
      claims: VerifiedTicketCode | null,
    ): Promise<Admission> {
      // Another organizer's genuine code reads as forged here too (see canCheckInCodeOf).
      if (
        !claims ||
        !canCheckInCodeOf(actor, claims.signerId) ||
        (claims.eventId === event.id && claims.signerId !== event.organizer_id)
      )
        return { result: 'invalid_code', ticket: null, checkedInAt: null };
      if (claims.eventId !== event.id) return { result: 'wrong_event', ticket: null, checkedInAt: null };
      return admitTicket(
        tx,
        {
          code: scan.code,
          ticketId: claims.ticketId,
          eventId: claims.eventId,
          at: scan.at,
          actorId: actor.userId,
          deviceId: input.deviceId ?? null,
          nonce: scan.nonce ?? null,
        },
        { earliestWins: true },
      );
    }
  });
  deps.afterCommit.eventChanged(event.id);
  return {
    results,
    accepted: results.filter((r) => r.result === 'valid').length,
    conflicts: results.filter((r) => r.conflict).length,
  };
}
