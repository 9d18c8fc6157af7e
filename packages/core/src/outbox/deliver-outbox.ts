import type { CoreDeps } from '../shared/core-deps';
import type { EmailMessage } from './enqueue-email';

/** Sends one message (SMTP, or a file in local mode). Throws on failure; the message is retried. */
export interface Mailer {
  send(message: EmailMessage): Promise<void>;
}

const MAX_ATTEMPTS = 5;

/**
 * Sends what the outbox holds, oldest first. A message is claimed with a conditional update, so
 * two API processes never send the same one twice at the same time.
 */
export async function deliverOutbox(deps: CoreDeps & { mailer: Mailer }, limit = 50): Promise<number> {
  const due = await deps.db
    .selectFrom('outbox')
    .selectAll()
    .where('status', '=', 'pending')
    .where('attempts', '<', MAX_ATTEMPTS)
    .orderBy('created_at')
    .limit(limit)
    .execute();
  let sent = 0;
  for (const entry of due) {
    const claim = await deps.db
      .updateTable('outbox')
      .set({ attempts: entry.attempts + 1 })
      .where('id', '=', entry.id)
      .where('attempts', '=', entry.attempts)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(claim.numUpdatedRows) !== 1) continue;
    try {
      await deps.mailer.send(JSON.parse(entry.payload) as EmailMessage);
      await deps.db
        .updateTable('outbox')
        .set({ status: 'sent', sent_at: deps.clock.now().toISOString(), last_error: null })
        .where('id', '=', entry.id)
        .execute();
      sent++;
    } catch (error) {
      await deps.db
        .updateTable('outbox')
        .set({
          last_error: error instanceof Error ? error.message.slice(0, 500) : String(error),
          status: entry.attempts + 1 >= MAX_ATTEMPTS ? 'failed' : 'pending',
        })
        .where('id', '=', entry.id)
        .execute();
    }
  }
  return sent;
}
