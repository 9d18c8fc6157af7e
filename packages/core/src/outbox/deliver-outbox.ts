import type { Selectable } from 'kysely';
import type { DbOrTx } from '../db/database';
import { engineOf } from '../db/engine-of';
import type { OutboxTable } from '../db/schema';
import type { CoreDeps } from '../shared/core-deps';
import type { EmailMessage } from './enqueue-email';

/** Sends one message (SMTP, or a file in local mode). Throws on failure; the message is retried. */
export interface Mailer {
  send(message: EmailMessage): Promise<void>;
}

const MAX_ATTEMPTS = 5;

type DeliveryDeps = CoreDeps & { mailer: Mailer };

/**
 * Sends what the outbox holds, oldest first, each message once however many API processes run
 * this at the same time. On PostgreSQL a message stays row-locked (FOR UPDATE SKIP LOCKED) from
 * its claim until its outcome is recorded, so no other process can take it while it is being sent;
 * a process that dies mid-send releases the lock and the message is sent again later (at least
 * once, never twice at the same time). SQLite has one writer process, whose passes never overlap.
 */
export async function deliverOutbox(deps: DeliveryDeps, limit = 50): Promise<number> {
  return engineOf(deps.db) === 'postgres' ? deliverLocked(deps, limit) : deliverClaimed(deps, limit);
}

async function deliverLocked(deps: DeliveryDeps, limit: number): Promise<number> {
  // A message that fails now waits for the next pass rather than being retried at once.
  const tried: string[] = [];
  let sent = 0;
  while (tried.length < limit) {
    const outcome = await deps.db.transaction().execute(async (tx) => {
      let next = tx
        .selectFrom('outbox')
        .selectAll()
        .where('status', '=', 'pending')
        .where('attempts', '<', MAX_ATTEMPTS);
      if (tried.length > 0) next = next.where('id', 'not in', tried);
      const entry = await next.orderBy('created_at').limit(1).forUpdate().skipLocked().executeTakeFirst();
      if (!entry) return null;
      tried.push(entry.id);
      return sendAndRecord(tx, deps, entry);
    });
    if (outcome === null) break;
    if (outcome) sent++;
  }
  return sent;
}

async function deliverClaimed(deps: DeliveryDeps, limit: number): Promise<number> {
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
    if (await sendAndRecord(deps.db, deps, { ...entry, attempts: entry.attempts + 1 }, false)) sent++;
  }
  return sent;
}

/**
 * Sends `entry` and records the outcome; true when it went out. `countAttempt`: this write adds
 * the attempt (the SQLite claim has already counted it).
 */
async function sendAndRecord(
  db: DbOrTx,
  deps: DeliveryDeps,
  entry: Selectable<OutboxTable>,
  countAttempt = true,
): Promise<boolean> {
  const attempts = countAttempt ? entry.attempts + 1 : entry.attempts;
  try {
    await deps.mailer.send(JSON.parse(entry.payload) as EmailMessage);
  } catch (error) {
    await db
      .updateTable('outbox')
      .set({
        attempts,
        last_error: error instanceof Error ? error.message.slice(0, 500) : String(error),
        status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
      })
      .where('id', '=', entry.id)
      .execute();
    return false;
  }
  await db
    .updateTable('outbox')
    .set({ attempts, status: 'sent', sent_at: deps.clock.now().toISOString(), last_error: null })
    .where('id', '=', entry.id)
    .execute();
  return true;
}
