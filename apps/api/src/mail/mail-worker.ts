// The mail worker: a child process each API process forks (background/mail-process.ts), so that
// rendering ticket PDFs and QR codes and talking to SMTP neither grows the API's heap nor holds
// its event loop. It delivers the outbox when the parent says mail is queued, with a database
// handle of its own: the parent has migrated the database, and the outbox claims are safe for
// concurrent deliverers (FOR UPDATE SKIP LOCKED on PostgreSQL, a conditional claim on SQLite).
import path from 'node:path';
import { deliverOutbox, openDatabase, systemClock } from '@eventhub/core';
import pino from 'pino';
import { loadConfig } from '../config';
import { createMailer } from './mailer';
import { MAIL_WORKER_DELIVER, MAIL_WORKER_READY } from './mail-worker-messages';

const config = loadConfig();
const log = pino({ level: config.logLevel, name: 'mail-worker' });
const database = openDatabase({
  databaseUrl: config.databaseUrl,
  // The file configured-database.ts opens.
  sqliteFile: path.join(config.dataDir, 'eventhub.sqlite'),
  // One message is delivered at a time; the second connection serves the reads while a
  // PostgreSQL claim holds the first.
  poolSize: 2,
  connectTimeoutMs: config.databaseConnectTimeoutMs,
  queryTimeoutMs: config.databaseQueryTimeoutMs,
});
const mailer = createMailer(config, database.db);

let running: Promise<void> | null = null;
let again = false;
let stopping = false;

/** Delivers until nothing new was asked for meanwhile; a request during a pass gets one more pass. */
function deliver(): void {
  if (stopping) return;
  if (running) {
    again = true;
    return;
  }
  running = (async () => {
    do {
      again = false;
      try {
        await deliverOutbox({ db: database.db, clock: systemClock, mailer });
      } catch (err) {
        // The parent asks again on its next pass (15 s) or the next queued mail.
        log.error({ err }, 'mail delivery failed');
      }
    } while (again && !stopping);
  })().finally(() => {
    running = null;
  });
}

/** Finishes the message under way, closes the database and exits. */
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await running;
  await database.close().catch((err: unknown) => log.error({ err }, 'closing the database failed'));
  process.exit(0);
}

process.on('message', (message) => {
  if (message === MAIL_WORKER_DELIVER) deliver();
});
// The parent is gone (even killed outright: its end of the channel closes): so is the worker.
process.on('disconnect', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
// Ctrl-C reaches the whole process group; the parent stops the worker itself.
process.on('SIGINT', () => void shutdown());

try {
  await database.warmUp();
} catch (err) {
  // Not fatal: a database that is down now fails the first pass, which is retried.
  log.warn({ err }, 'the database did not answer yet');
}
process.send?.(MAIL_WORKER_READY);
// Whatever was queued before this worker started.
deliver();
