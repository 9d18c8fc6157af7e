// `npm run dev`: the API restarts on source changes (tsx watch) and the web app runs in Next.js
// dev mode inside the same process, so both still share http://localhost:3000.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const child = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    path.join(root, 'node_modules/tsx/dist/cli.mjs'),
    'watch',
    '--clear-screen=false',
    '--exclude',
    'apps/web/**',
    'apps/api/src/main.ts',
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, EVENTHUB_DEV: '1', NEXT_TELEMETRY_DISABLED: '1' } },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
