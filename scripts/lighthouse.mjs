// `npm run lighthouse [-- --runs 3]`: Lighthouse's mobile preset (its default config: a mid-range
// phone, 4× CPU slowdown, slow 4G, simulated) on the home page, an event page and a guest's
// checkout, against the production build served as `npm start` serves it, with Debian's Chromium.
// Builds what is stale first, starts the compiled server on a throwaway data directory, seeds
// through the public API (lighthouse/seed-pages.mjs), prints each page's median score, LCP and TBT
// and saves every report to bench/results/. Exits 1 when a page's median misses a target.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { seedPages } from './lighthouse/seed-pages.mjs';
import { serverEnvDefaults } from './server-env.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS_DIR = path.join(root, 'bench/results');
// Issue 15's targets for every public page on a phone.
const TARGETS = { score: 0.9, lcpMs: 2000, tbtMs: 200 };

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    chromium: { type: 'string', default: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  },
});
const runs = Number(args.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a whole number ≥ 1');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForReady(url, server) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error('the server exited before it was ready');
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${url} did not answer 200 within 120 s`);
}

/** One fresh visit: a new Chromium with an empty profile, so no cache, cookie or storage carries over. */
async function measure(url) {
  const chrome = await launch({
    chromePath: args.chromium,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      onlyCategories: ['performance'],
      logLevel: 'error',
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const lcpElement = lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node;
    return {
      lhr,
      score: lhr.categories.performance.score,
      lcpMs: lhr.audits['largest-contentful-paint'].numericValue,
      tbtMs: lhr.audits['total-blocking-time'].numericValue,
      lcpElement: lcpElement?.snippet ?? '?',
    };
  } finally {
    chrome.kill();
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function line(label, { score, lcpMs, tbtMs }) {
  return `${label.padEnd(10)} score ${score.toFixed(2)}  LCP ${(lcpMs / 1000).toFixed(2)} s  TBT ${Math.round(tbtMs)} ms`;
}

// Build what is stale, exactly as `npm start` would before serving.
const built = spawnSync(process.execPath, ['scripts/start.mjs', '--build-only'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, SERVE_WEB: 'true' },
});
if (built.status !== 0) process.exit(built.status ?? 1);

const dataDir = mkdtempSync(path.join(tmpdir(), 'eventhub-lighthouse-'));
const port = await freePort();
// localhost, not 127.0.0.1: the API's cookies are Secure, which browsers allow over HTTP only there.
const base = `http://localhost:${port}`;
const { NODE_ENV: _mode, ...inherited } = process.env;
const server = spawn(process.execPath, ['apps/api/dist/main.js'], {
  cwd: root,
  env: {
    ...serverEnvDefaults(inherited),
    ...inherited,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: base,
    DATA_DIR: dataDir,
    SERVE_WEB: 'true',
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});

let failed = false;
try {
  await waitForReady(`${base}/readyz`, server);
  const pages = await seedPages(base, dataDir);
  mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const summary = {};
  for (const [name, url] of Object.entries(pages)) {
    // One unmeasured visit first: the server's caches and the OS's file cache should be as warm as
    // on a site that has been serving for a while.
    await fetch(url).then((response) => response.arrayBuffer());
    const results = [];
    for (let run = 1; run <= runs; run += 1) {
      const result = await measure(url);
      writeFileSync(
        path.join(RESULTS_DIR, `lighthouse-${stamp}-${name}-${run}.json`),
        JSON.stringify(result.lhr, null, 2),
      );
      console.log(line(`${name} #${run}`, result) + `  LCP element: ${result.lcpElement}`);
      results.push(result);
    }
    summary[name] = {
      score: median(results.map((r) => r.score)),
      lcpMs: median(results.map((r) => r.lcpMs)),
      tbtMs: median(results.map((r) => r.tbtMs)),
    };
  }
  console.log(`\nMedian of ${runs} run(s) per page (mobile preset; reports in bench/results/):`);
  for (const [name, figures] of Object.entries(summary)) {
    const met =
      figures.score >= TARGETS.score && figures.lcpMs < TARGETS.lcpMs && figures.tbtMs < TARGETS.tbtMs;
    if (!met) failed = true;
    console.log(`${line(name, figures)}  ${met ? 'meets' : 'MISSES'} the targets`);
  }
  console.log(
    `Targets: score ≥ ${TARGETS.score}, LCP < ${TARGETS.lcpMs / 1000} s, TBT < ${TARGETS.tbtMs} ms.`,
  );
} catch (error) {
  console.error(`lighthouse: ${error instanceof Error ? error.message : String(error)}`);
  failed = true;
} finally {
  server.kill('SIGTERM');
  await new Promise((resolve) => (server.exitCode === null ? server.once('exit', resolve) : resolve()));
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
