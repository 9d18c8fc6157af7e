import type { AuditInput } from '../audit/write-audit';
import type { Actor, RequestMeta } from '../shared/actor';
import type { Admission, ScanResult } from './admit-ticket';

export interface ScanContext {
  actor: Actor;
  meta: RequestMeta;
  deviceId: string | null;
  /** Set for scans uploaded by an offline scanner: when the scan really happened. */
  scannedAt?: string;
}

/**
 * The audit entry of one scan, admitted or refused: who, from which device, when, the result.
 * The code itself is a bearer credential and never reaches the log; the ticket id does.
 */
export function scanAuditEntry(
  ctx: ScanContext,
  eventId: string | null,
  admission: { result: ScanResult | 'forbidden'; ticket: { id: string } | null } & Pick<
    Admission,
    'supersededCheckInAt' | 'replay'
  >,
): AuditInput {
  return {
    actorId: ctx.actor.userId,
    action: admission.replay
      ? 'ticket.scan_replayed'
      : admission.result === 'valid'
        ? 'ticket.checked_in'
        : 'ticket.scan_refused',
    targetType: 'ticket',
    targetId: admission.ticket?.id ?? null,
    ip: ctx.meta.ip,
    details: {
      result: admission.result,
      eventId,
      deviceId: ctx.deviceId,
      role: ctx.actor.role,
      ...(ctx.scannedAt ? { offline: true, scannedAt: ctx.scannedAt } : {}),
      ...(admission.supersededCheckInAt ? { supersededCheckInAt: admission.supersededCheckInAt } : {}),
    },
  };
}
