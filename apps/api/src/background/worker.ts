import { deliverOutbox, deliverRefunds, expireHolds, type Mailer, type OrderDeps } from '@eventhub/core';
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../context';
import type { MailProcess } from './mail-process';

export interface BackgroundWork {
  /** Something new waits (outbox mail, a refund due now): handle it soon, not at the next tick. */
  kick(): void;
  /** One pass now (tests and shutdown). */
  runOnce(): Promise<void>;
  stop(): Promise<void>;
  /**
   * From now on the outbox's mail is rendered and sent by `mail` (a child process) whenever it is
   * ready; this process still claims the entries and records the outcome. Stopping stops it too.
   */
  deliverMailElsewhere(mail: MailProcess): void;
}

/**
 * The periodic jobs of an API process: expire holds that ran out (reads already ignore them; this
 * tidies the counters and order states), pay back the refunds that are due (a refund the provider
 * refused, or one whose process stopped before asking) and deliver the outbox. Every process may
 * run them: each job claims its rows with conditional updates.
 */
export function startBackgroundWork(
  ctx: AppContext,
  orders: OrderDeps,
  mailer: Mailer,
  log: FastifyBaseLogger,
  intervalMs = 15_000,
): BackgroundWork {
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  let stopped = false;
  let mailElsewhere: MailProcess | null = null;
  const pass = async () => {
    await expireHolds(orders);
    // Its own failure (a provider down) must not hold back the mail.
    await deliverRefunds(orders).catch((err: unknown) => log.error({ err }, 'refund delivery failed'));
    await deliverOutbox({ db: ctx.db, clock: ctx.clock, mailer: mailElsewhere?.mailer ?? mailer });
  };
  const runOnce = (): Promise<void> => {
    // A kick that lands during shutdown must not start a pass on a closing database.
    if (stopped) return Promise.resolve();
    if (running) {
      // The pass under way may have read before this call's news: one more pass after it serves
      // every call made meanwhile, and each caller waits for that one.
      queued ??= running.then(() => {
        queued = null;
        return runOnce();
      });
      return queued;
    }
    running = pass()
      .catch((err: unknown) => log.error({ err }, 'background work failed'))
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void runOnce(), intervalMs);
  timer.unref();
  // Refused scans are audited within a second, in one insert however many there were.
  const flushAudit = () =>
    ctx.deferredAudit.size > 0
      ? ctx.deferredAudit.flush(ctx.db).catch((err: unknown) => log.error({ err }, 'audit flush failed'))
      : Promise.resolve();
  const auditTimer = setInterval(() => void flushAudit(), 1_000);
  auditTimer.unref();
  return {
    kick: () => void runOnce(),
    runOnce: async () => {
      await runOnce();
      await flushAudit();
    },
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      clearInterval(auditTimer);
      await running;
      await mailElsewhere?.stop();
      await flushAudit();
    },
    deliverMailElsewhere: (mail) => {
      mailElsewhere = mail;
    },
  };
}
