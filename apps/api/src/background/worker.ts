import { deliverOutbox, expireHolds, type Mailer } from '@eventhub/core';
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../context';

export interface BackgroundWork {
  /** Something new waits in the outbox: send it soon, not at the next tick. */
  kick(): void;
  /** One pass now (tests and shutdown). */
  runOnce(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The periodic jobs of an API process: expire holds that ran out (reads already ignore them; this
 * tidies the counters and order states) and deliver the outbox. Every process may run them: each
 * job claims its rows with conditional updates.
 */
export function startBackgroundWork(
  ctx: AppContext,
  mailer: Mailer,
  log: FastifyBaseLogger,
  hooks: { onAvailabilityChanged: (eventId: string) => void },
  intervalMs = 15_000,
): BackgroundWork {
  let running: Promise<void> | null = null;
  let again = false;
  const pass = async () => {
    const changed = await expireHolds(ctx);
    changed.forEach(hooks.onAvailabilityChanged);
    await deliverOutbox({ db: ctx.db, clock: ctx.clock, mailer });
  };
  const runOnce = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = pass()
      .catch((err: unknown) => log.error({ err }, 'background work failed'))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          void runOnce();
        }
      });
    return running;
  };
  const timer = setInterval(() => void runOnce(), intervalMs);
  timer.unref();
  return {
    kick: () => void runOnce(),
    runOnce,
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
