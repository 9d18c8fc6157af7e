import type { auditRow } from '../audit/write-audit';
import type { Db } from '../db/database';
import { admissionUpdate, returned, toScanned, type Admission, type Scan } from './admit-ticket';

/**
 * PostgreSQL only (data-modifying CTEs): the admission and its audit entry as ONE statement, in
 * its own implicit transaction, so both land or neither — one round trip where BEGIN, UPDATE,
 * INSERT and COMMIT took four, which is most of a door scan's time on that engine. Returns null
 * when the ticket was not admitted (used, void, unknown): the caller then takes the general path,
 * which reads back why and audits that.
 */
export async function admitWithAuditInOneStatement(
  db: Db,
  scan: Scan,
  audit: ReturnType<typeof auditRow>,
): Promise<Admission | null> {
  const row = await db
    .with('admitted', (qc) => admissionUpdate(qc, scan))
    .with('logged', (qc) =>
      qc
        .insertInto('audit_log')
        .columns(['id', 'at', 'actor_id', 'action', 'target_type', 'target_id', 'ip', 'details'])
        .expression((eb) =>
          eb
            .selectFrom('admitted')
            .select((s) => [
              s.val(audit.id).as('id'),
              s.val(audit.at).as('at'),
              s.val(audit.actor_id).as('actor_id'),
              s.val(audit.action).as('action'),
              s.val(audit.target_type).as('target_type'),
              s.val(audit.target_id).as('target_id'),
              s.val(audit.ip).as('ip'),
              s.val(audit.details).as('details'),
            ]),
        ),
    )
    .selectFrom('admitted')
    .select(returned)
    .select((eb) =>
      eb
        .selectFrom('ticket_types')
        .select('name')
        .whereRef('ticket_types.id', '=', 'admitted.ticket_type_id')
        .as('type_name'),
    )
    .executeTakeFirst();
  return row ? { result: 'valid', ticket: toScanned(row), checkedInAt: row.checked_in_at } : null;
}
