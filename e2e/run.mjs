// Runs the browser tests against a real server on a throwaway data directory:
//   node e2e/run.mjs [extra playwright args, e.g. --grep admin]
// Builds the web app first if it has never been built, and exits with Playwright's exit code.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// E2E_PORT: a second run beside another one on this machine (with E2E_BASE_URL to match).
const PORT = Number(process.env.E2E_PORT ?? 3100);
// localhost, like the browser: the API's refresh cookie is Secure.
const READY_URL = `http://localhost:${PORT}/readyz`;
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 10_000;

if (!existsSync(join(root, 'apps/web/.next/BUILD_ID'))) {
  console.log('e2e: apps/web has not been built yet; running npm run build -w apps/web');
  const build = spawnSync('npm', ['run', 'build', '-w', 'apps/web'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const dataDir = mkdtempSync(join(tmpdir(), 'eventhub-e2e-'));
const server = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/main.ts'], {
  cwd: root,
  env: {
    ...process.env,
    PORT: String(PORT),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    NODE_ENV: 'development',
    // The API reads LOG_LEVEL; keep request logs out of the test report.
    LOG_LEVEL: 'warn',
    // Every browser of the suite logs in from 127.0.0.1, like a whole campus behind one address:
    // a fast run made more than the default 20 logins a minute and got 429s. The per-account
    // limits and back-off stay as shipped (the API's tests cover the per-IP limit).
    RATE_LIMIT_LOGIN_PER_IP: '200',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const serverExit = new Promise((resolve) => server.once('exit', resolve));
let serverRunning = true;
void serverExit.then(() => {
  serverRunning = false;
});

let tests;

async function stopServer() {
  if (!serverRunning) return;
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await serverExit;
  clearTimeout(timer);
}

let finishing = false;

async function finish(exitCode) {
  // A signal can arrive while the normal path is already finishing; stop only once.
  if (finishing) return;
  finishing = true;
  tests?.kill('SIGTERM');
  await stopServer();
  // Keep the data of a failed run for a look at the database and demo accounts.
  if (exitCode === 0) rmSync(dataDir, { recursive: true, force: true });
  else console.error(`e2e: kept the server's data in ${dataDir}`);
  process.exit(exitCode);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => void finish(128 + (constants.signals[signal] ?? 1)));
}

async function waitForReady() {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!serverRunning) throw new Error('the server exited before it was ready');
    try {
      const res = await fetch(READY_URL);
      if (res.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${READY_URL} did not answer 200 within ${READY_TIMEOUT_MS / 1000} s`);
}

function runPlaywright() {
  return new Promise((resolve) => {
    tests = spawn('npx', ['playwright', 'test', '-c', 'e2e/playwright.config.ts', ...process.argv.slice(2)], {
      cwd: root,
      stdio: 'inherit',
      env: { E2E_BASE_URL: `http://localhost:${PORT}`, ...process.env, E2E_DATA_DIR: dataDir },
    });
    tests.once('exit', (code) => resolve(code ?? 1));
  });
}

let exitCode = 1;
try {
  await waitForReady();
  exitCode = await runPlaywright();
} catch (error) {
  console.error(`e2e: ${error instanceof Error ? error.message : String(error)}`);
}
await finish(exitCode);
