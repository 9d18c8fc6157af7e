import { setMaxListeners } from 'node:events';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { assertLoopback, send } from './loopback-http';
import type { Timeline } from './timeline';

export interface VisitorOptions {
  /** Loopback only: bench traffic never leaves the machine. */
  base: string;
  /** What one page view asks the API for, all at once (as the page's server render does). */
  paths: string[];
  visitors: number;
  /** Mean pause between a visitor's page views (exponential): reading, then reloading. */
  thinkSeconds: number;
  /** No page view starts after it aborts. */
  signal: AbortSignal;
  /** Each page view: start, time until its last answer, the worst status of its requests. */
  views: Timeline;
}

/**
 * Anonymous visitors on a page: each loads it (its API requests in parallel; the view takes as
 * long as the slowest), thinks, and loads it again, each on its own kept-alive connection.
 */
export async function runPageVisitors(options: VisitorOptions): Promise<void> {
  assertLoopback(options.base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.visitors * options.paths.length });
  const urls = options.paths.map((p) => new URL(p, options.base));
  const think = () => -Math.log(1 - Math.random()) * options.thinkSeconds * 1000;
  // Every visitor's pause listens for the abort.
  setMaxListeners(options.visitors + 10, options.signal);
  const pause = (ms: number) => sleep(ms, undefined, { signal: options.signal }).catch(() => undefined);
  const visitor = async () => {
    // Spread over one think time, so the visitors do not all arrive in the first millisecond.
    await pause(Math.random() * options.thinkSeconds * 1000);
    while (!options.signal.aborted) {
      const t = performance.now();
      const statuses = await Promise.all(
        urls.map((url) =>
          send(agent, url, 'GET').then(
            (answer) => answer.status,
            () => 0,
          ),
        ),
      );
      const status = statuses.includes(0) ? 0 : Math.max(...statuses);
      options.views.record(t, performance.now() - t, status);
      await pause(think());
    }
  };
  await Promise.all(Array.from({ length: options.visitors }, visitor));
  agent.destroy();
}
