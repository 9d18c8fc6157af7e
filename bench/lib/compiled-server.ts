import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { openSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { serverEnvDefaults } from '../../scripts/server-env.mjs';
import { ROOT } from './server-process';

/** Bench secrets: fixed, so a seeder process and the server it prepares agree on tokens and keys. */
export const BENCH_SECRETS = {
  JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
  APP_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
};

/** Builds the server bundle (and the web app when `web`) if missing or older than its sources, as `npm start` does. */
export function ensureBuilt(web: boolean): void {
  const built = spawnSync(process.execPath, ['scripts/start.mjs', '--build-only'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, SERVE_WEB: String(web) },
  });
  if (built.status !== 0) throw new Error('the build failed');
}

/** A free loopback port, so PUBLIC_URL (the token issuer) is known before the server starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Runs a TypeScript bench script to completion (with tsx) and returns the JSON it printed last. */
export function runSeeder<T>(script: string, env: Record<string, string>): T {
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, script)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`${script} failed (${run.status})`);
  const line = run.stdout.toString().trim().split('\n').at(-1)!;
  const { file } = JSON.parse(line) as { file: string };
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

export interface CompiledServer {
  child: ChildProcess;
  pid: number;
  startedAt: number;
  stop(): Promise<void>;
}

function serverStdout(): 'ignore' | number {
  const file = process.env.BENCH_SERVER_STDOUT;
  return file ? openSync(file, 'a') : 'ignore';
}

/** Spawns the production server exactly as `npm start` runs it: plain node on the compiled bundle. */
export function spawnCompiledServer(env: Record<string, string>, nodeArgs: string[] = []): CompiledServer {
  // Local mode (no NODE_ENV), no demo accounts: the secrets come with `env`.
  const { NODE_ENV: _mode, ...inherited } = process.env;
  const startedAt = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, 'apps/api/dist/main.js'], {
    cwd: ROOT,
    // The memory settings scripts/start.mjs runs the server with (unless the caller's environment
    // has its own: `NODE_OPTIONS= npm run bench -- memory` measures V8's default young generation).
    env: {
      ...serverEnvDefaults({ ...inherited, ...env }),
      ...inherited,
      LOG_LEVEL: 'warn',
      DEMO_SEED: 'false',
      HOST: '127.0.0.1',
      ...env,
    },
    // BENCH_SERVER_STDOUT=file keeps the server's stdout, e.g. what `--node-args=--trace-gc` prints.
    stdio: ['ignore', serverStdout(), 'inherit'],
  });
  return {
    child,
    pid: child.pid!,
    startedAt,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/** Milliseconds from `since` to the first 200 from `url`, polling every `everyMs`; throws after `timeoutMs`. */
export async function firstOk(url: string, since: number, timeoutMs = 120_000, everyMs = 5): Promise<number> {
  for (;;) {
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.status === 200) return performance.now() - since;
    } catch {
      // not listening yet
    }
    if (performance.now() - since > timeoutMs) throw new Error(`${url} not ready within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Resident set size of a process in MiB, from /proc (Linux), or null where there is none. */
export function rssMiB(pid: number): number | null {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : null;
  } catch {
    return null;
  }
}

/** The processes `pid` started (Linux /proc): the compiled server's mail worker. */
export function childPids(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name (field 2) may hold spaces: the parent id is the 2nd field after its ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) children.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return children;
}
