import { printTable, runLoad, type LoadResult } from '../lib/load';
import { startServer } from '../lib/server-process';

export interface BrowseOptions {
  engine: 'sqlite' | 'postgres';
  events: number;
  connections: number;
  durationSeconds: number;
}

/**
 * GET /api/events and GET /api/events/:id on `events` published events under `connections`
 * concurrent connections, beside a bare Fastify hello-world measured in the same run.
 * Target (issue 3): at least half the hello-world's requests per second.
 */
export async function eventsBrowse(options: BrowseOptions): Promise<Record<string, unknown>> {
  const hello = await startServer('bench/servers/hello-world.ts');
  const baseline = await runLoad({
    label: 'fastify hello-world',
    url: `http://127.0.0.1:${hello.port}/`,
    connections: options.connections,
    durationSeconds: options.durationSeconds,
  });
  await hello.stop();

  const seeding = Date.now();
  const api = await startServer<{ eventIds: string[] }>('bench/servers/api-server.ts', {
    BENCH_ENGINE: options.engine,
    BENCH_EVENTS: String(options.events),
  });
  const seedSeconds = Math.round((Date.now() - seeding) / 1000);
  const base = `http://127.0.0.1:${api.port}`;
  const rows: LoadResult[] = [baseline];
  rows.push(
    await runLoad({
      label: `GET /api/events (${options.engine})`,
      url: `${base}/api/events`,
      connections: options.connections,
      durationSeconds: options.durationSeconds,
      paths: [
        '/api/events',
        '/api/events?page=2',
        '/api/events?q=jazz',
        '/api/events?city=Lisbon',
        '/api/events?q=summit&page=3',
      ],
    }),
  );
  rows.push(
    await runLoad({
      label: `GET /api/events/:id (${options.engine})`,
      url: `${base}/api/events/${api.info.eventIds[0]}`,
      connections: options.connections,
      durationSeconds: options.durationSeconds,
      paths: api.info.eventIds.map((id) => `/api/events/${id}`),
    }),
  );
  await api.stop();

  printTable(
    `Event browsing on ${options.events} events, ${options.connections} connections, ${options.durationSeconds} s each (seeded in ${seedSeconds} s)`,
    rows,
  );
  const ratios = rows.slice(1).map((r) => ({
    scenario: r.label,
    ratioToHelloWorld: +(r.requestsPerSecond / baseline.requestsPerSecond).toFixed(2),
  }));
  console.table(ratios);
  return { scenario: 'events-browse', options, rows, ratios };
}
