import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './api-processes';
import { TEST_JWT_SECRET, type TestEnv } from './test-env';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Starts the suite's app on a loopback port and returns its base URL. */
export async function listenOnLoopback(env: TestEnv): Promise<string> {
  await env.app.listen({ port: 0, host: '127.0.0.1' });
  const address = env.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return `http://127.0.0.1:${address.port}`;
}

export interface ApiProcess {
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * Another EventHub API process on the same PostgreSQL database (as a second node behind a load
 * balancer would be), accepting the suite's tokens.
 */
export async function startApiProcess(env: TestEnv): Promise<ApiProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: env.database.location,
      DATA_DIR: env.config.dataDir,
      SERVE_WEB: 'false',
      DEMO_SEED: 'false',
      LOG_LEVEL: 'warn',
      JWT_SECRET: TEST_JWT_SECRET,
      APP_SECRET: 'test-app-secret-that-is-long-enough-0123456789',
      JWT_ISSUER: env.ctx.auth.issuer,
      JWT_AUDIENCE: env.ctx.auth.audience,
      PUBLIC_CACHE_TTL_MS: '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`API process exited with ${child.exitCode}`);
    const ready = await fetch(`${baseUrl}/readyz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ready) break;
    if (Date.now() > deadline) throw new Error('API process did not become ready');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
