import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { printTable, runLoad, type LoadResult } from '../lib/load';
import { runScanners } from '../lib/scanners';
import { startServer } from '../lib/server-process';

export interface CheckinOptions {
  engine: 'sqlite' | 'postgres';
  /** Concurrent scanners (connections), each scanning distinct tickets. */
  scanners: number;
  durationSeconds: number;
  /** Scans per second per scanner at the door pace; a person walks up about once a second. */
  scansPerScannerPerSecond: number;
}

/**
 * POST /api/tickets/validate by `scanners` concurrent door scanners, every request a ticket not
 * scanned before (so each is a real admission: signature check, conditional UPDATE, audit row).
 * Two runs: at door pace (each scanner on its own, a person every 1/rate seconds on average: the
 * latency a scanner sees on a busy night) and flat out (every connection sends its next scan the
 * moment the last is answered: the most validations per second the process can admit).
 * Target (issue 5): p99 under 20 ms with 500 scanners; the whole flow well under 200 ms.
 */
export async function checkinValidate(options: CheckinOptions): Promise<Record<string, unknown>> {
  const pace = options.scanners * options.scansPerScannerPerSecond;
  // Enough distinct tickets for both runs, with room for a fast machine.
  const tickets = Math.max(20_000, Math.ceil(pace * options.durationSeconds * 1.2) + 40_000);
  const api = await startServer<{ door: { eventId: string; file: string } }>('bench/servers/api-server.ts', {
    BENCH_ENGINE: options.engine,
    BENCH_TICKETS: String(tickets),
  });
  const { eventId, file } = api.info.door;
  const { codes, staffToken } = JSON.parse(readFileSync(file, 'utf8')) as {
    codes: string[];
    staffToken: string;
  };
  let next = 0;
  const url = `http://127.0.0.1:${api.port}/api/tickets/validate`;
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${staffToken}` };
  const bodyFor = () =>
    JSON.stringify({ code: codes[next++ % codes.length], eventId, nonce: randomUUID(), deviceId: 'bench' });
  const results: LoadResult[] = [];
  results.push(
    await runScanners({
      label: `door pace: ${options.scanners} scanners x ${options.scansPerScannerPerSecond}/s (${options.engine})`,
      url,
      scanners: options.scanners,
      scansPerSecond: options.scansPerScannerPerSecond,
      durationSeconds: options.durationSeconds,
      headers,
      bodyFor,
    }),
  );
  results.push(
    await runLoad({
      label: `flat out: ${options.scanners} connections (${options.engine})`,
      url,
      connections: options.scanners,
      durationSeconds: options.durationSeconds,
      method: 'POST',
      headersFor: () => headers,
      bodyFor,
    }),
  );
  await api.stop();
  printTable(
    `Ticket validations, ${options.scanners} concurrent scanners on distinct tickets, ${options.durationSeconds} s each (${tickets} tickets seeded)`,
    results,
  );
  const reused = next > codes.length;
  if (reused) console.log('Note: the runs used more scans than tickets; repeats answered 409 already_used.');
  for (const r of results)
    console.log(
      `${r.label}: ${r.requestsPerSecond} validations/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, non-2xx ${r.non2xx}`,
    );
  return { scenario: 'checkin-validate', options, tickets, results };
}
