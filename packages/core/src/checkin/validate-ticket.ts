import { auditRow, writeAudit } from '../audit/write-audit';
import { engineOf } from '../db/engine-of';
import type { Actor, RequestMeta } from '../shared/actor';
import { ConflictError, DomainError, ForbiddenError } from '../shared/errors';
import { admitWithAuditInOneStatement } from './admit-in-one-statement';
import { admitTicket, type Scan, type ScannedTicket } from './admit-ticket';
import { canCheckIn, canCheckInCodeOf } from './checkin-access';
import type { CheckinDeps } from './checkin-deps';
import { scanAuditEntry, type ScanContext } from './scan-audit';
import { checkinAnswers, type CheckinAnswer } from '../questions/checkin-answers';

export interface ValidateTicketInput {
  code: string;
  /** The event the scanner is admitting to; defaults to the event the code names. */
  eventId?: string;
  /** Makes a retried scan idempotent: the same nonce from the same user gets the same answer. */
  nonce?: string;
  deviceId?: string;
}

export interface ValidTicket {
  result: 'valid';
  /** With the buyer's answers to the event's "show at check-in" questions. */
  ticket: ScannedTicket & { answers: CheckinAnswer[] };
  checkedInAt: string;
}

export class InvalidCodeError extends DomainError {
  constructor() {
    super('invalid', 'invalid_code', 'This is not a valid ticket code');
  }
}

/**
 * Door check-in. When the scanner names the event, the caller must be allowed to check it in (403
 * for any code otherwise). The signature is then checked before any ticket query: a forged or
 * garbled code, or a genuine one the caller may not check in, is `invalid_code` — the same answer,
 * so another organizer's door learns nothing about which codes are real. Then the ticket is
 * admitted atomically: of concurrent scans of one ticket exactly one is `valid`, the rest
 * `already_used` with the first check-in time. Every scan is audited.
 */
export async function validateTicket(
  deps: CheckinDeps,
  actor: Actor,
  input: ValidateTicketInput,
  meta: RequestMeta,
): Promise<ValidTicket> {
  const ctx: ScanContext = { actor, meta, deviceId: input.deviceId ?? null };
  const claims = await deps.keys.verify(input.code);
  let event: { id: string; organizer_id: string } | undefined;
  if (input.eventId !== undefined) {
    event = { id: input.eventId, organizer_id: await deps.owners.organizerOf(deps.db, input.eventId) };
    if (!canCheckIn(actor, event)) throw forbidden(deps, ctx, event.id);
  }
  if (!claims || !canCheckInCodeOf(actor, claims.signerId)) {
    deps.deferredAudit.push(
      scanAuditEntry(ctx, input.eventId ?? null, { result: 'invalid_code', ticket: null }),
    );
    throw new InvalidCodeError();
  }
  event ??= { id: claims.eventId, organizer_id: await deps.owners.organizerOf(deps.db, claims.eventId) };
  // Without eventId, only a code whose signer does not own the event it names fails here.
  if (!canCheckIn(actor, event)) throw forbidden(deps, ctx, event.id);

  const scan: Scan = {
    code: input.code,
    ticketId: claims.ticketId,
    eventId: claims.eventId,
    at: deps.clock.now().toISOString(),
    actorId: actor.userId,
    deviceId: ctx.deviceId,
    nonce: input.nonce ?? null,
  };
  const ours = claims.eventId === event.id && claims.signerId === event.organizer_id;
  // PostgreSQL: the usual case (a first scan) in one round trip; anything else below.
  const inOneStatement = ours && engineOf(deps.db) === 'postgres';
  const admittedAtOnce = inOneStatement
    ? await admitWithAuditInOneStatement(
        deps.db,
        scan,
        auditRow(scanAuditEntry(ctx, event.id, { result: 'valid', ticket: { id: scan.ticketId } }), scan.at),
      )
    : null;
  const admission =
    admittedAtOnce ??
    (await deps.transact(async (tx) => {
      const outcome =
        claims.eventId !== event.id
          ? { result: 'wrong_event' as const, ticket: null, checkedInAt: null }
          : claims.signerId !== event.organizer_id
            ? // Correctly signed, but by another organizer's key: not a ticket of this event.
              { result: 'invalid_code' as const, ticket: null, checkedInAt: null }
            : await admitTicket(tx, scan, { admissionFailed: inOneStatement });
      await writeAudit(tx, deps.clock, scanAuditEntry(ctx, event.id, outcome));
      return outcome;
    }));

  switch (admission.result) {
    case 'valid':
      // Dashboards count check-ins live; the notice is coalesced downstream.
      deps.afterCommit.eventChanged(event.id);
      return {
        result: 'valid',
        ticket: { ...admission.ticket!, answers: await checkinAnswers(deps.db, admission.ticket!.id) },
        checkedInAt: admission.checkedInAt!,
      };
    case 'invalid_code':
      throw new InvalidCodeError();
    case 'wrong_event':
      throw new ConflictError('wrong_event', 'This ticket is for another event');
    case 'void':
      throw new ConflictError('void', 'This ticket is void (refunded, cancelled or reissued)', {
        ticket: admission.ticket,
      });
    case 'already_used':
      throw new ConflictError('already_used', 'This ticket has already been checked in', {
        checkedInAt: admission.checkedInAt,
        ticket: admission.ticket,
      });
  }
}

function forbidden(deps: CheckinDeps, ctx: ScanContext, eventId: string): ForbiddenError {
  deps.deferredAudit.push(scanAuditEntry(ctx, eventId, { result: 'forbidden', ticket: null }));
  return new ForbiddenError('You may not check in tickets of this event');
}
