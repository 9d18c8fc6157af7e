import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { printTable, runLoad, type LoadResult } from '../lib/load';
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
 * Two runs: at door pace (an open model, the latency a scanner sees on a busy night) and flat
 * out (the most validations per second the process can admit).
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
  const load = (label: string, overallRate?: number) =>
    runLoad({
      label,
      url: `http://127.0.0.1:${api.port}/api/tickets/validate`,
      connections: options.scanners,
      durationSeconds: options.durationSeconds,
      method: 'POST',
      ...(overallRate ? { overallRate } : {}),
      headersFor: () => ({ 'content-type': 'application/json', authorization: `Bearer ${staffToken}` }),
      bodyFor: () =>
        JSON.stringify({
          code: codes[next++ % codes.length],
          eventId,
          nonce: randomUUID(),
          deviceId: 'bench',
        }),
    });
  const results: LoadResult[] = [];
  results.push(await load(`door pace: ${pace} scans/s (${options.engine})`, pace));
  results.push(await load(`flat out (${options.engine})`));
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
