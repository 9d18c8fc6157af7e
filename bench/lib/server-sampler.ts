import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '@eventhub/core';
import { mailBacklog } from './sale-records';
import { sampleServerMemory, type MemorySample } from './server-memory';

export interface ServerSample {
  /** Seconds after `zero`. */
  second: number;
  /** Outbox messages waiting, and given up on. */
  pending: number;
  failed: number;
  memory: MemorySample;
}

/**
 * Once a second until `signal` aborts, pushes onto `samples` (read as they come) the e-mail
 * backlog, read from the server's database, and the RSS of its processes.
 */
export async function sampleEverySecond(
  samples: ServerSample[],
  options: { zero: number; db: Db; pid: number; clustered: boolean; signal: AbortSignal },
): Promise<void> {
  for (let next = performance.now(); !options.signal.aborted; next += 1000) {
    const second = Math.round((performance.now() - options.zero) / 100) / 10;
    const backlog = await mailBacklog(options.db);
    samples.push({ second, ...backlog, memory: sampleServerMemory(options.pid, options.clustered, second) });
    await sleep(Math.max(0, next + 1000 - performance.now()), undefined, { signal: options.signal }).catch(
      () => undefined,
    );
  }
}
