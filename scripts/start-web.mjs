// `npm run start:web`: the web app as its own process, from Next.js's standalone output, for a
// deployment that runs the API separately (`SERVE_WEB=false npm start`) behind a reverse proxy
// sending /api, /healthz and /readyz to the API and everything else here. Env: PORT (default
// 3001), HOST (interface, default 127.0.0.1; not HOSTNAME, which shells and containers set to the
// machine's name), INTERNAL_API_URL (where server-rendered pages
// fetch the API, default http://127.0.0.1:3000), PUBLIC_URL (the site's public origin).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'apps/web');
const standalone = path.join(web, '.next/standalone/apps/web');

const build = spawnSync(process.execPath, ['scripts/start.mjs', '--build-only', '--web-only'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, SERVE_WEB: 'true' },
});
if (build.status !== 0) process.exit(build.status ?? 1);

// Next leaves the static assets out of the standalone tree (a CDN may serve them); this server
// serves them itself, so they go beside server.js after each build.
const staticDir = path.join(standalone, '.next/static');
const buildId = path.join(web, '.next/BUILD_ID');
if (!existsSync(staticDir) || statSync(staticDir).mtimeMs < statSync(buildId).mtimeMs) {
  cpSync(path.join(web, '.next/static'), staticDir, { recursive: true });
  if (existsSync(path.join(web, 'public')))
    cpSync(path.join(web, 'public'), path.join(standalone, 'public'), { recursive: true });
}

const server = spawn(process.execPath, [path.join(standalone, 'server.js')], {
  cwd: standalone,
  stdio: 'inherit',
  env: {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: process.env.PORT ?? '3001',
    HOSTNAME: process.env.HOST ?? '127.0.0.1',
    INTERNAL_API_URL: process.env.INTERNAL_API_URL ?? 'http://127.0.0.1:3000',
  },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
