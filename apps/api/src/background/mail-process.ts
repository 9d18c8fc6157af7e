import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Db, Mailer } from '@eventhub/core';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config';
import { createMailSender, type MailSender } from '../mail/mail-sender';
import { createMailer } from '../mail/mailer';
import { MAIL_WORKER_READY, type MailJob, type MailJobDone } from '../mail/mail-worker-messages';

// A worker that lived less than this before dying counts as a crash loop: wait before the next.
const HEALTHY_AFTER_MS = 30_000;
const FIRST_RESTART_DELAY_MS = 500;
const MAX_RESTART_DELAY_MS = 30_000;
// The worker finishes the message under way; one stuck on SMTP is not waited for longer.
const DRAIN_TIMEOUT_MS = 10_000;
const WORKER_SEMI_SPACE = '--max-semi-space-size=1';

/** The mail worker process as the API process sees it. */
export interface MailProcess {
  /**
   * Delivers through the worker: this process claims the outbox entry, reads the order and records
   * the outcome; the worker renders the attachments and sends. While no worker is ready, the
   * message is rendered and sent here instead, so mail never waits for one.
   */
  mailer: Mailer;
  /** Lets the worker finish the message under way and waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * The compiled server forks apps/api/dist/mail-worker.js (written by scripts/build-server.mjs
 * beside the bundle); under tsx (dev, tests) the TypeScript entry, with tsx's loader.
 */
function workerEntry(): { file: string; execArgv: string[] } {
  // No debugger port of the parent's: the child would fail to bind it. A young generation of
  // 1 MiB semi-spaces (V8 sizes it up to 16 for throughput): a few mails a second need no more,
  // and it keeps the worker ~15 MiB smaller on average under load and ~35 MiB after it.
  const inherited = [...process.execArgv.filter((a) => !a.startsWith('--inspect')), WORKER_SEMI_SPACE];
  if (import.meta.url.endsWith('.ts')) {
    return {
      file: fileURLToPath(new URL('../mail/mail-worker.ts', import.meta.url)),
      execArgv: inherited.some((a) => a.includes('tsx')) ? inherited : ['--import', 'tsx', ...inherited],
    };
  }
  return { file: fileURLToPath(new URL('./mail-worker.js', import.meta.url)), execArgv: inherited };
}

class MailWorkerGone extends Error {
  constructor() {
    super('the mail worker exited before it answered');
  }
}

/**
 * Forks the mail worker (mail/mail-worker.ts) and keeps one running: a worker that exits is
 * replaced, after a pause that grows while they keep dying young. With WEB_CONCURRENCY each API
 * process has its own (the outbox claims keep each message to one deliverer).
 */
export function startMailProcess(config: Config, db: Db, log: FastifyBaseLogger): MailProcess {
  const entry = workerEntry();
  const inProcess = createMailSender(config);
  const waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  let nextJob = 0;
  let child: ChildProcess | null = null;
  let ready = false;
  let stopping = false;
  let youngDeaths = 0;
  let restart: NodeJS.Timeout | null = null;

  const start = () => {
    restart = null;
    const startedAt = Date.now();
    const worker = fork(entry.file, [], { execArgv: entry.execArgv, serialization: 'advanced' });
    child = worker;
    worker.on('message', (message: MailJobDone | typeof MAIL_WORKER_READY) => {
      if (message === MAIL_WORKER_READY) {
        if (child === worker) ready = true;
        return;
      }
      const job = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.error === undefined) job?.resolve();
      else job?.reject(new Error(message.error));
    });
    // A failed fork or send; 'exit' follows where the process is gone.
    worker.on('error', (err) => log.error({ err }, 'mail worker error'));
    worker.once('exit', (code, signal) => {
      if (child === worker) {
        child = null;
        ready = false;
      }
      // Its unanswered jobs count as failed attempts: the outbox tries them again.
      for (const job of waiting.values()) job.reject(new MailWorkerGone());
      waiting.clear();
      if (stopping) return;
      youngDeaths = Date.now() - startedAt < HEALTHY_AFTER_MS ? youngDeaths + 1 : 0;
      const delay =
        youngDeaths === 0
          ? 0
          : Math.min(FIRST_RESTART_DELAY_MS * 2 ** (youngDeaths - 1), MAX_RESTART_DELAY_MS);
      log.warn(
        { code, signal, restartInMs: delay },
        'mail worker exited: this process renders and sends mail until a new one is ready',
      );
      restart = setTimeout(start, delay);
      restart.unref();
    });
  };
  start();

  const send: MailSender = (message, attachments, now) => {
    const worker = child;
    if (!ready || !worker?.connected) return inProcess(message, attachments, now);
    const id = nextJob++;
    return new Promise<void>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      const job: MailJob = { id, message, attachments, now };
      worker.send(job, (err) => {
        if (!err || !waiting.has(id)) return;
        waiting.delete(id);
        reject(err);
      });
    });
  };

  return {
    mailer: createMailer(config, db, send),
    async stop() {
      stopping = true;
      if (restart) clearTimeout(restart);
      const worker = child;
      if (!worker || worker.exitCode !== null || worker.signalCode !== null) return;
      await new Promise<void>((done) => {
        const killer = setTimeout(() => worker.kill('SIGKILL'), DRAIN_TIMEOUT_MS);
        worker.once('exit', () => {
          clearTimeout(killer);
          done();
        });
        worker.kill('SIGTERM');
      });
    },
  };
}
