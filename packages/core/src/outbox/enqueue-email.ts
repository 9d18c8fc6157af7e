import type { DbOrTx } from '../db/database';
import type { Clock } from '../shared/clock';
import { newId } from '../shared/ids';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Rendered at delivery time from these references, so the outbox stays small. */
  attachOrderTickets?: string;
  /** Invoices and credit notes (ids) attached as PDFs. */
  attachInvoices?: string[];
}

/** Queues an e-mail in the caller's transaction; it is sent only if that transaction commits. */
export async function enqueueEmail(db: DbOrTx, clock: Clock, message: EmailMessage): Promise<void> {
  await db
    .insertInto('outbox')
    .values({
      id: newId(),
      kind: 'email',
      payload: JSON.stringify(message),
      status: 'pending',
      attempts: 0,
      last_error: null,
      created_at: clock.now().toISOString(),
      sent_at: null,
    })
    .execute();
}
