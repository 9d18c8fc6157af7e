// `npm start`: builds what is missing or older than its sources (the compiled server
// apps/api/dist/main.js, and the web app unless SERVE_WEB=false), then runs the server with plain
// node: no TypeScript loader, no dev dependency at run time. Migrations and the demo seed run
// inside the server at start-up. `--build-only` stops after the builds (the benches use it);
// `--web-only` leaves the server alone (`npm run start:web`).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverEnvDefaults } from './server-env.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

function mtime(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return Infinity; // a deleted source makes the build stale
  }
}

/** The bundle is stale when any file esbuild read for it (listed at build time) is newer. */
function serverStale() {
  const bundle = path.join(root, 'apps/api/dist/server.js');
  const inputsFile = path.join(root, 'apps/api/dist/inputs.json');
  if (!existsSync(bundle) || !existsSync(inputsFile)) return true;
  const inputs = [...JSON.parse(readFileSync(inputsFile, 'utf8')), 'scripts/build-server.mjs'];
  const built = mtime(bundle);
  return inputs.some((file) => mtime(path.join(root, file)) > built);
}

const WEB_SKIP = new Set(['node_modules', '.next', 'test', 'generated-docs']);
function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (WEB_SKIP.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function webStale() {
  const buildId = path.join(root, 'apps/web/.next/BUILD_ID');
  if (!existsSync(buildId)) return true;
  const sources = ['apps/web', 'packages/client/src'].map((d) => newestMtime(path.join(root, d)));
  return Math.max(...sources) > statSync(buildId).mtimeMs;
}

function run(label, command, args) {
  console.log(label);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!process.argv.includes('--web-only') && serverStale()) {
  run('Compiling the server (first start or changed sources)…', process.execPath, [
    'scripts/build-server.mjs',
  ]);
}
if (process.env.SERVE_WEB !== 'false' && webStale()) {
  run('Building the web app (first start or changed sources)…', 'npm', [
    'run',
    'build',
    '--workspace',
    'apps/web',
  ]);
}
if (process.argv.includes('--build-only')) process.exit(0);

// Other arguments are the server's (`npm start -- --workers 4`).
const serverArgs = process.argv.slice(2).filter((a) => a !== '--build-only' && a !== '--web-only');
// The server's memory settings (server-env.mjs) apply to it only, not to the builds above.
const server = spawn(process.execPath, ['apps/api/dist/main.js', ...serverArgs], {
  cwd: root,
  stdio: 'inherit',
  env: { ...serverEnvDefaults(env), ...env },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
