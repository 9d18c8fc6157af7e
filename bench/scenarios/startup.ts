import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase } from '@eventhub/core/testing';
import {
  BENCH_SECRETS,
  ensureBuilt,
  firstOk,
  freePort,
  rssMiB,
  spawnCompiledServer,
} from '../lib/compiled-server';

export interface StartupOptions {
  engine: 'sqlite' | 'postgres';
  repeat: number;
  /** Also time the full process (SERVE_WEB=true), which prepares Next.js before listening. */
  web: boolean;
}

interface Sample {
  healthzMs: number;
  readyzMs: number;
  rssMiB: number | null;
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: Math.round(sorted[Math.floor((sorted.length - 1) / 2)]!),
    max: Math.round(sorted.at(-1)!),
  };
};

/** One start of the compiled server: spawn to the first 200 on /healthz and on /readyz. */
async function startOnce(env: Record<string, string>): Promise<Sample> {
  const port = await freePort();
  const server = spawnCompiledServer({ ...BENCH_SECRETS, ...env, PORT: String(port) });
  try {
    const base = `http://127.0.0.1:${port}`;
    const [healthzMs, readyzMs] = await Promise.all([
      firstOk(`${base}/healthz`, server.startedAt),
      firstOk(`${base}/readyz`, server.startedAt),
    ]);
    return { healthzMs, readyzMs, rssMiB: rssMiB(server.pid) };
  } finally {
    await server.stop();
  }
}

/**
 * Start-up to healthy of the compiled server (`node apps/api/dist/main.js`, as `npm start` and
 * the container run it), `repeat` times each: on a fresh database (every migration runs) and on
 * one already migrated (a restart); API-only, and with the web app when built.
 */
export async function startupBench(options: StartupOptions): Promise<Record<string, unknown>> {
  ensureBuilt(options.web);
  const rows: Record<string, unknown>[] = [];
  for (const web of options.web ? [false, true] : [false]) {
    for (const database of ['fresh', 'migrated'] as const) {
      const samples: Sample[] = [];
      for (let i = 0; i < options.repeat; i++) {
        const dataDir = mkdtempSync(path.join(tmpdir(), 'eventhub-startup-'));
        const pg = options.engine === 'postgres' ? await createTestDatabase('postgres') : null;
        const env = {
          DATA_DIR: dataDir,
          SERVE_WEB: String(web),
          ...(pg ? { DATABASE_URL: pg.location } : {}),
        };
        if (database === 'migrated') await startOnce(env);
        samples.push(await startOnce(env));
        await pg?.dispose();
        rmSync(dataDir, { recursive: true, force: true });
      }
      const healthz = stats(samples.map((s) => s.healthzMs));
      const readyz = stats(samples.map((s) => s.readyzMs));
      rows.push({
        process: web ? 'API + web' : 'API only',
        database: `${options.engine}, ${database}`,
        runs: samples.length,
        'healthz median ms': healthz.median,
        'healthz max ms': healthz.max,
        'readyz median ms': readyz.median,
        'readyz max ms': readyz.max,
        'RSS when ready MiB': stats(samples.map((s) => s.rssMiB ?? 0)).median,
      });
    }
  }
  console.log(`\nStart-up to healthy, compiled server, ${options.repeat} runs each (${options.engine})`);
  console.table(rows);
  return { scenario: 'startup', options, rows };
}
