import cluster, { type Worker } from 'node:cluster';
import { systemClock, type DemoAccount } from '@eventhub/core';
import pino from 'pino';
import { bootstrapAccounts } from './bootstrap-accounts';
import { ConfigError, type Config } from './config';
import { openConfiguredDatabase } from './configured-database';
import { createAppContext } from './context';
import { resolveSecrets } from './local-secrets';
import { readConfigOrExit } from './read-config';

// A worker that lived less than this before dying counts as a crash loop: wait before the next.
const HEALTHY_AFTER_MS = 30_000;
const FIRST_RESTART_DELAY_MS = 500;
const MAX_RESTART_DELAY_MS = 30_000;
// Each worker drains its own requests within 10 s (main.ts); then it is killed.
const DRAIN_TIMEOUT_MS = 15_000;

/** `--workers N` on the command line wins over WEB_CONCURRENCY. */
function requestedWorkers(config: Config, argv: string[]): number {
  const at = argv.findIndex((a) => a === '--workers' || a.startsWith('--workers='));
  if (at < 0) return config.webConcurrency;
  const raw = argv[at]!.includes('=') ? argv[at]!.split('=')[1]! : (argv[at + 1] ?? '');
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 256)
    throw new ConfigError('--workers', `must be a whole number from 1 to 256, got "${raw}"`);
  return Number(raw);
}

/**
 * Run from the top of main.ts. With one process (the default), or in a worker, it returns at once
 * and the caller serves. With WEB_CONCURRENCY (or `--workers`) above one it is the cluster's
 * primary and never returns: it migrates the database and makes the start-up accounts once, then
 * forks that many workers sharing the port, replaces one that dies (waiting longer each time
 * they keep dying young), and on SIGTERM/SIGINT lets every worker drain, then exits.
 * The primary serves nothing and keeps no database connection.
 */
export async function superviseWorkersIfClustered(argv = process.argv): Promise<void> {
  if (cluster.isWorker) return;
  const config = readConfigOrExit();
  let workers: number;
  try {
    workers = requestedWorkers(config, argv);
    if (workers > 1 && !config.databaseUrl) {
      throw new ConfigError(
        'WEB_CONCURRENCY',
        `asks for ${workers} processes, but SQLite allows one writer process: ` +
          'set it to 1 (or drop --workers), or set DATABASE_URL to a PostgreSQL database',
      );
    }
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  if (workers <= 1) return;
  const demoAccounts = await prepareOnce(config);
  const banner = [
    '',
    `EventHub is running at ${config.publicUrl}  (postgres, ${workers} API processes)`,
    `  API docs:  ${config.publicUrl}/api/docs`,
    ...(demoAccounts.length > 0 ? ['  Demo accounts (local demo mode only):'] : []),
    ...demoAccounts.map((a) => `    ${a.role.padEnd(9)} ${a.email.padEnd(32)} ${a.password}`),
  ];
  await supervise(workers, pino({ level: config.logLevel, name: 'primary' }), () =>
    console.log(banner.join('\n') + '\n'),
  );
}

/** What must happen once per start, not once per worker: secrets, migrations, start-up accounts. */
async function prepareOnce(config: Config): Promise<DemoAccount[]> {
  const secrets = resolveSecrets(config);
  const database = await openConfiguredDatabase(config);
  try {
    const ctx = createAppContext({
      db: database.db,
      engine: database.engine,
      clock: systemClock,
      config,
      jwtSecret: secrets.jwtSecret,
      appSecret: secrets.appSecret,
    });
    return await bootstrapAccounts(ctx, (m) => console.log(m));
  } finally {
    await database.close();
  }
}

function supervise(count: number, log: pino.Logger, onAllListening: () => void): Promise<never> {
  let stopping = false;
  let listening = 0;
  let everListening = false;
  let youngDeaths = 0;
  const startedAt = new Map<Worker, number>();
  const restarts = new Set<NodeJS.Timeout>();

  const fork = () => {
    const worker = cluster.fork();
    startedAt.set(worker, Date.now());
    worker.once('listening', () => {
      everListening = true;
      log.info({ worker: worker.process.pid }, 'worker listening');
      if (++listening === count) onAllListening();
    });
  };

  // `forward`: send the workers SIGTERM. Not after a SIGINT: that is Ctrl-C, which the terminal
  // sends the whole process group, and a second signal would cut a worker's drain short.
  const stopAll = (exitCode: number, forward = true) => {
    if (stopping) return;
    stopping = true;
    restarts.forEach(clearTimeout);
    const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
    log.info({ workers: alive.length }, 'draining workers');
    if (alive.length === 0) process.exit(exitCode);
    const killer = setTimeout(() => {
      for (const w of alive) if (!w.isDead()) w.process.kill('SIGKILL');
    }, DRAIN_TIMEOUT_MS);
    let left = alive.length;
    for (const w of alive) {
      w.once('exit', () => {
        if (--left > 0) return;
        clearTimeout(killer);
        process.exit(exitCode);
      });
      if (forward) w.process.kill('SIGTERM');
    }
  };

  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker) ?? Date.now());
    startedAt.delete(worker);
    if (stopping) return;
    if (!everListening) {
      // No worker ever came up: a start-up failure (port taken, database down), not a crash.
      log.error({ worker: worker.process.pid, code, signal }, 'a worker failed to start; stopping');
      stopAll(1);
      return;
    }
    youngDeaths = lived < HEALTHY_AFTER_MS ? youngDeaths + 1 : 0;
    const delay =
      youngDeaths === 0 ? 0 : Math.min(FIRST_RESTART_DELAY_MS * 2 ** (youngDeaths - 1), MAX_RESTART_DELAY_MS);
    log.warn({ worker: worker.process.pid, code, signal, restartInMs: delay }, 'worker died; replacing it');
    const timer = setTimeout(() => {
      restarts.delete(timer);
      if (!stopping) fork();
    }, delay);
    restarts.add(timer);
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) {
        // A second signal: the operator will not wait.
        for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGKILL');
        process.exit(1);
      }
      log.info({ signal }, 'shutting down');
      stopAll(0, signal === 'SIGTERM');
    });
  }

  log.info({ workers: count }, 'starting API workers');
  for (let i = 0; i < count; i++) fork();
  // Settles never: the process ends by process.exit once its workers are gone.
  return new Promise<never>(() => {});
}
