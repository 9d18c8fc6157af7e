import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runBuyers } from '../lib/buyers';
import {
  BENCH_SECRETS,
  ensureBuilt,
  firstOk,
  freePort,
  rssMiB,
  runSeeder,
  spawnCompiledServer,
} from '../lib/compiled-server';
import { printTable, runLoad, type LoadResult } from '../lib/load';
import { runScanners } from '../lib/scanners';

export interface MemoryOptions {
  durationSeconds: number;
  /** Also measure the full process (SERVE_WEB=true, web pages in the mix). */
  web: boolean;
  /** Extra node flags for the server, e.g. to try V8 options. */
  nodeArgs: string[];
}

interface Seed {
  eventIds: string[];
  hot: { eventId: string; ticketTypeId: string };
  tokens: string[];
  door: { eventId: string; codes: string[]; staffToken: string };
}

interface Phase {
  process: string;
  phase: string;
  rssMiB: number | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** RSS samples every 250 ms until `stop` resolves; the largest and the mean. */
async function sampleWhile(pid: number, work: Promise<unknown>): Promise<{ max: number; mean: number }> {
  const samples: number[] = [];
  let done = false;
  void work.finally(() => (done = true));
  while (!done) {
    const rss = rssMiB(pid);
    if (rss !== null) samples.push(rss);
    await sleep(250);
  }
  await work;
  return {
    max: Math.max(...samples),
    mean: Math.round(samples.reduce((a, b) => a + b, 0) / Math.max(1, samples.length)),
  };
}

/** At rest: the last of a few samples once start-up's garbage has had time to go. */
async function restingRss(pid: number, seconds: number): Promise<number | null> {
  await sleep(seconds * 1000);
  return rssMiB(pid);
}

async function measure(web: boolean, options: MemoryOptions) {
  const label = web ? 'API + web (SERVE_WEB=true)' : 'API only (SERVE_WEB=false)';
  const dataDir = mkdtempSync(path.join(tmpdir(), 'eventhub-memory-'));
  const port = await freePort();
  const env = {
    ...BENCH_SECRETS,
    DATA_DIR: dataDir,
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    SERVE_WEB: String(web),
  };
  const seed = runSeeder<Seed>('bench/servers/seed-data-dir.ts', {
    ...env,
    LOG_LEVEL: 'silent',
    DEMO_SEED: 'false',
    BENCH_EVENTS: '200',
    BENCH_BUYERS: '200',
    BENCH_TICKETS: '20000',
  });
  const server = spawnCompiledServer(env, options.nodeArgs);
  const base = `http://127.0.0.1:${port}`;
  const readyMs = await firstOk(`${base}/readyz`, server.startedAt);
  const phases: Phase[] = [];
  phases.push({ process: label, phase: 'ready', rssMiB: rssMiB(server.pid) });
  phases.push({ process: label, phase: 'at rest (10 s)', rssMiB: await restingRss(server.pid, 10) });

  const door = seed.door;
  let nextCode = 0;
  const scanBody = () =>
    JSON.stringify({
      code: door.codes[nextCode++ % door.codes.length],
      eventId: door.eventId,
      nonce: crypto.randomUUID(),
      deviceId: 'bench',
    });
  const loads: Promise<LoadResult>[] = [
    runLoad({
      label: `browse: GET /api/events, /api/events/:id (200/s, 20 connections)`,
      url: `${base}/api/events`,
      connections: 20,
      overallRate: 200,
      durationSeconds: options.durationSeconds,
      paths: [
        '/api/events',
        '/api/events?page=2',
        '/api/events?q=jazz',
        ...seed.eventIds.slice(0, 100).map((id) => `/api/events/${id}`),
      ],
    }),
    runBuyers({
      label: 'checkout: POST /api/orders + pay (10/s, 20 buyers)',
      base,
      eventId: seed.hot.eventId,
      ticketTypeId: seed.hot.ticketTypeId,
      tokens: seed.tokens,
      connections: 20,
      checkoutsPerSecond: 10,
      durationSeconds: options.durationSeconds,
    }),
    runScanners({
      label: 'door: POST /api/tickets/validate (100 scanners x 1/s)',
      url: `${base}/api/tickets/validate`,
      scanners: 100,
      scansPerSecond: 1,
      durationSeconds: options.durationSeconds,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${door.staffToken}` },
      bodyFor: scanBody,
    }),
  ];
  if (web) {
    loads.push(
      runLoad({
        label: 'web pages: GET /, /events/:id (20/s, 5 connections)',
        url: `${base}/`,
        connections: 5,
        overallRate: 20,
        durationSeconds: options.durationSeconds,
        paths: ['/', ...seed.eventIds.slice(0, 20).map((id) => `/events/${id}`)],
      }),
    );
  }
  const all = Promise.all(loads);
  const underLoad = await sampleWhile(server.pid, all);
  const results = await all;
  phases.push({ process: label, phase: 'under mixed load (max)', rssMiB: underLoad.max });
  phases.push({ process: label, phase: 'under mixed load (mean)', rssMiB: underLoad.mean });
  phases.push({ process: label, phase: 'after load (10 s)', rssMiB: await restingRss(server.pid, 10) });
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
  return { label, readyMs: Math.round(readyMs), phases, results };
}

/**
 * Resident memory of the compiled server (`node apps/api/dist/main.js`, as `npm start` runs it)
 * on a fresh SQLite data directory: at rest, during a mixed load at fixed rates (browsing 200/s,
 * checkouts 10/s, each mailing its tickets as a PDF, door scans 100/s, all at once; so runs
 * compare) and after it; API-only, then with the web app (plus 20 pages/s). Target (issue 14): the
 * API-only process under 100 MB at rest and under this load.
 */
export async function memoryBench(options: MemoryOptions): Promise<Record<string, unknown>> {
  ensureBuilt(options.web);
  const runs = [await measure(false, options)];
  if (options.web) runs.push(await measure(true, options));
  for (const run of runs) printTable(`${run.label}: mixed load, ${options.durationSeconds} s`, run.results);
  console.log('\nResident memory (RSS, MiB)');
  console.table(runs.flatMap((r) => r.phases));
  if (runs.length === 2) {
    const rest = (i: number) => runs[i]!.phases.find((p) => p.phase.startsWith('at rest'))?.rssMiB ?? 0;
    const load = (i: number) =>
      runs[i]!.phases.find((p) => p.phase === 'under mixed load (max)')?.rssMiB ?? 0;
    console.log(
      `The web app adds ${rest(1) - rest(0)} MiB at rest and ${load(1) - load(0)} MiB under load (max) to the process.`,
    );
  }
  return { scenario: 'memory', options, runs };
}
