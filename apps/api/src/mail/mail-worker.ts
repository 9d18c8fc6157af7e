// The mail worker: a child process each API process forks (background/mail-process.ts), so that
// rendering ticket PDFs and QR codes and talking to SMTP neither grows the API's heap nor holds
// its event loop. It has no database: the API process claims each outbox entry, reads the order
// and records the outcome, so SQLite keeps a single writing process (a second one would make the
// API's transactions fail with SQLITE_BUSY_SNAPSHOT whenever it committed between their read and
// their write).
import { loadConfig } from '../config';
import { createMailSender } from './mail-sender';
import { MAIL_WORKER_READY, type MailJob, type MailJobDone } from './mail-worker-messages';

if (!process.send) {
  // Without the channel it would wait for jobs forever.
  console.error('The mail worker is started by the API process (apps/api/dist/main.js), not on its own.');
  process.exit(1);
}
const send = createMailSender(loadConfig());
const reply = (done: MailJobDone) => {
  if (process.connected) process.send?.(done);
};

// One job at a time, in order: the parent sends one per outbox entry and waits for it.
let queue: Promise<void> = Promise.resolve();
let stopping = false;

process.on('message', (job: MailJob) => {
  queue = queue.then(async () => {
    try {
      await send(job.message, job.attachments, job.now);
      reply({ id: job.id });
    } catch (error) {
      reply({ id: job.id, error: error instanceof Error ? error.message : String(error) });
    }
  });
});

/** Finishes the jobs it was given, then exits. */
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await queue;
  process.exit(0);
}

// The parent is gone (even killed outright: its end of the channel closes): so is the worker, at
// once: what it sent now could not be recorded, and the next deliverer would send it again.
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => void shutdown());
// Ctrl-C reaches the whole process group; the parent stops the worker itself.
process.on('SIGINT', () => void shutdown());

process.send?.(MAIL_WORKER_READY);
