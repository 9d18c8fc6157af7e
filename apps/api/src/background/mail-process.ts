import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FastifyBaseLogger } from 'fastify';
import { MAIL_WORKER_DELIVER, MAIL_WORKER_READY } from '../mail/mail-worker-messages';

// A worker that lived less than this before dying counts as a crash loop: wait before the next.
const HEALTHY_AFTER_MS = 30_000;
const FIRST_RESTART_DELAY_MS = 500;
const MAX_RESTART_DELAY_MS = 30_000;
// The worker finishes the message under way; one stuck on SMTP is not waited for longer.
const DRAIN_TIMEOUT_MS = 10_000;

/** The mail worker process as its parent sees it. */
export interface MailProcess {
  /** Asks the worker to deliver the outbox; false while none is ready (deliver here instead). */
  kick(): boolean;
  /** Lets the worker finish the message under way and waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * The compiled server forks apps/api/dist/mail-worker.js (written by scripts/build-server.mjs
 * beside the bundle); under tsx (dev, tests) the TypeScript entry, with tsx's loader.
 */
function workerEntry(): { file: string; execArgv: string[] } {
  // No debugger port of the parent's: the child would fail to bind it.
  const inherited = process.execArgv.filter((a) => !a.startsWith('--inspect'));
  if (import.meta.url.endsWith('.ts')) {
    return {
      file: fileURLToPath(new URL('../mail/mail-worker.ts', import.meta.url)),
      execArgv: inherited.some((a) => a.includes('tsx')) ? inherited : ['--import', 'tsx', ...inherited],
    };
  }
  return { file: fileURLToPath(new URL('./mail-worker.js', import.meta.url)), execArgv: inherited };
}

/**
 * Forks the mail worker (mail/mail-worker.ts) and keeps one running: a worker that exits is
 * replaced, after a pause that grows while they keep dying young. Until one is ready, `kick`
 * answers false and the caller delivers in its own process, so mail never waits on the worker.
 */
export function startMailProcess(log: FastifyBaseLogger): MailProcess {
  const entry = workerEntry();
  let child: ChildProcess | null = null;
  let ready = false;
  let stopping = false;
  let youngDeaths = 0;
  let restart: NodeJS.Timeout | null = null;

  const start = () => {
    restart = null;
    const startedAt = Date.now();
    const worker = fork(entry.file, [], { execArgv: entry.execArgv, serialization: 'json' });
    child = worker;
    worker.on('message', (message) => {
      if (message !== MAIL_WORKER_READY || child !== worker) return;
      ready = true;
      log.debug({ pid: worker.pid }, 'mail worker ready');
    });
    // A failed fork or send; 'exit' follows where the process is gone.
    worker.on('error', (err) => log.error({ err }, 'mail worker error'));
    worker.once('exit', (code, signal) => {
      if (child === worker) {
        child = null;
        ready = false;
      }
      if (stopping) return;
      youngDeaths = Date.now() - startedAt < HEALTHY_AFTER_MS ? youngDeaths + 1 : 0;
      const delay =
        youngDeaths === 0
          ? 0
          : Math.min(FIRST_RESTART_DELAY_MS * 2 ** (youngDeaths - 1), MAX_RESTART_DELAY_MS);
      log.warn(
        { code, signal, restartInMs: delay },
        'mail worker exited: this process delivers mail until a new one is ready',
      );
      restart = setTimeout(start, delay);
      restart.unref();
    });
  };
  start();

  return {
    kick() {
      if (!ready || !child?.connected) return false;
      // A send that fails means the worker is going: its 'exit' starts the next one, and the
      // parent's next pass delivers meanwhile.
      child.send(MAIL_WORKER_DELIVER, (err) => {
        if (err) log.warn({ err }, 'mail worker did not take a delivery request');
      });
      return true;
    },
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
