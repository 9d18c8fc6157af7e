import type { DbOrTx } from '../db/database';
import type { Clock } from '../shared/clock';
import { newId } from '../shared/ids';
import type { AuditAction } from './audit-actions';

export interface AuditInput {
  actorId: string | null;
  /** Dotted, pretix-style: `user.registered`, `auth.login_failed`, `order.refunded` (see AUDIT_ACTIONS). */
  action: AuditAction;
  targetType?: string | null;
  targetId?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

// Keys whose values must never reach the audit log, at any depth.
const SECRET_KEY = /pass(word)?|token|secret|authorization|cookie|card|cvc|hash/i;

function scrub(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(scrub);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        SECRET_KEY.test(k) ? '[redacted]' : scrub(v),
      ]),
    );
  }
  return value;
}

/** The row an entry becomes, with secrets scrubbed from its details. */
export function auditRow(entry: AuditInput, at: string) {
  return {
    id: newId(),
    at,
    actor_id: entry.actorId,
    action: entry.action,
    target_type: entry.targetType ?? null,
    target_id: entry.targetId ?? null,
    ip: entry.ip ?? null,
    details: JSON.stringify(scrub(entry.details ?? {})),
  };
}

/** Appends one entry; call it with the transaction that makes the change, so both land or neither. */
export async function writeAudit(db: DbOrTx, clock: Clock, entry: AuditInput): Promise<void> {
  await db.insertInto('audit_log').values(auditRow(entry, clock.now().toISOString())).execute();
}
