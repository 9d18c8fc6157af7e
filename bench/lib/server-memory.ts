import { childPids, rssMiB } from './compiled-server';

export interface MemorySample {
  /** Seconds after the timeline's zero. */
  second: number;
  /** The serving API processes (one, or each cluster worker), MiB each. */
  api: number[];
  /** Their mail workers, MiB each. */
  mail: number[];
  /** A cluster's primary (serves nothing), MiB; null with one process. */
  primary: number | null;
}

const resident = (pids: number[]) => pids.map(rssMiB).filter((r): r is number => r !== null);

/**
 * Resident memory of a compiled server's processes (Linux /proc): with one process, it and the
 * mail worker it forks; with WEB_CONCURRENCY (`clustered`), the primary, its workers and theirs.
 */
export function sampleServerMemory(pid: number, clustered: boolean, second: number): MemorySample {
  const api = clustered ? childPids(pid) : [pid];
  return {
    second,
    api: resident(api),
    mail: resident(api.flatMap(childPids)),
    primary: clustered ? rssMiB(pid) : null,
  };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Each kind's largest figure over `samples` (per process, and the kind's sum), MiB. */
export function peakMemory(samples: MemorySample[]) {
  const max = (values: number[]) => (values.length > 0 ? Math.max(...values) : null);
  return {
    apiProcessMiB: max(samples.flatMap((s) => s.api)),
    apiAllMiB: max(samples.map((s) => sum(s.api))),
    mailWorkerMiB: max(samples.flatMap((s) => s.mail)),
    mailAllMiB: max(samples.map((s) => sum(s.mail))),
    primaryMiB: max(samples.flatMap((s) => (s.primary === null ? [] : [s.primary]))),
  };
}

/** Until each of the `processes` API processes has forked its mail worker (they start after /readyz answers). */
export async function waitForMailWorkers(pid: number, clustered: boolean, processes: number): Promise<void> {
  for (let waited = 0; waited < 30_000; waited += 250) {
    const memory = sampleServerMemory(pid, clustered, 0);
    if (memory.api.length === processes && memory.mail.length === processes) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  console.warn('Not every mail worker was up after 30 s; measuring anyway.');
}
