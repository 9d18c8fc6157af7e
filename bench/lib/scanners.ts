import http from 'node:http';
import { performance } from 'node:perf_hooks';
import type { LoadResult } from './load';
import { assertLoopback } from './loopback-http';

export interface ScannerOptions {
  label: string;
  /** Loopback only: bench traffic never leaves the machine. */
  url: string;
  scanners: number;
  /** Mean scans per second of each scanner: one person walks up, is scanned, walks in. */
  scansPerSecond: number;
  durationSeconds: number;
  headers: Record<string, string>;
  bodyFor: () => string;
  /** Each scan as it is answered, warm-up included (start: performance.now(); status 0: no answer). */
  onScan?: (startedAt: number, ms: number, status: number) => void;
  /** Scan on after the measured `durationSeconds` until this aborts (seen by `onScan` only). */
  keepOnUntil?: AbortSignal;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;

/**
 * An open model of a door: each scanner works on its own, scanning, waiting for the answer, then
 * waiting a random (exponential) time for the next person. Unlike a fixed overall rate, arrivals
 * are not released in bursts at each second, so the latency measured is what a scanner sees.
 */
/** POSTs a body and reads the whole answer; resolves with the status code. */
function post(url: URL, agent: http.Agent, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: 'POST',
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        response.on('error', reject);
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.resume();
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

export async function runScanners(options: ScannerOptions): Promise<LoadResult> {
  assertLoopback(options.url);
  const target = new URL(options.url);
  // One kept-alive connection per scanner, as a door device holds; plain node:http, which costs
  // the load generator (on the same two cores as the server) far less CPU per request than fetch.
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.scanners });
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  // The first seconds of a fresh server open 500 connections, warm the JIT and (PostgreSQL) each
  // new backend's caches: not what a busy night looks like. Measured per second on PostgreSQL,
  // server-side p99 is 100–165 ms in seconds 1–3, ~50 ms in the 4th, steady from the 5th.
  const warmUpMs = 5000;
  const started = performance.now() + warmUpMs;
  const until = started + options.durationSeconds * 1000;
  const pause = () => -Math.log(1 - Math.random()) * (1000 / options.scansPerSecond);
  const scanner = async () => {
    await new Promise((r) => setTimeout(r, Math.random() * (1000 / options.scansPerSecond)));
    while (performance.now() < until || (options.keepOnUntil && !options.keepOnUntil.aborted)) {
      const t = performance.now();
      try {
        const status = await post(target, agent, options.headers, options.bodyFor());
        options.onScan?.(t, performance.now() - t, status);
        if (t >= started && t < until) {
          if (status < 200 || status >= 300) non2xx++;
          latencies.push(performance.now() - t);
        }
      } catch {
        options.onScan?.(t, performance.now() - t, 0);
        if (t >= started && t < until) errors++;
      }
      await new Promise((r) => setTimeout(r, pause()));
    }
  };
  await Promise.all(Array.from({ length: options.scanners }, scanner));
  agent.destroy();
  // Scans started inside the measured window, over that window (the last pauses run past it).
  const elapsed = options.durationSeconds;
  latencies.sort((a, b) => a - b);
  return {
    label: options.label,
    requestsPerSecond: Math.round(latencies.length / elapsed),
    p50Ms: Math.round(percentile(latencies, 50) * 10) / 10,
    p99Ms: Math.round(percentile(latencies, 99) * 10) / 10,
    requests: latencies.length,
    errors,
    non2xx,
  };
}
