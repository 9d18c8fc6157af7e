import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ServerProcess<T> {
  port: number;
  info: T;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts a bench server in its own process (so the load generator does not steal its CPU) and
 * waits for the JSON line `{"ready": true, "port": …}` it prints once listening on loopback.
 */
export function startServer<T = Record<string, unknown>>(
  script: string,
  env: Record<string, string> = {},
): Promise<ServerProcess<T>> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_SERVER_PROFILE
        ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_SERVER_PROFILE]
        : []),
      // Extra node flags for the server (e.g. V8 heap sizes), to measure what one costs.
      ...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      '--import',
      'tsx',
      path.join(ROOT, script),
    ],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`${script} did not start within 300 s`)), 300_000);
    child.on('exit', (code) => reject(new Error(`${script} exited early with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      for (const line of buffer.split('\n').slice(0, -1)) {
        if (!line.startsWith('{')) continue;
        const message = JSON.parse(line) as { ready?: boolean; port: number } & T;
        if (!message.ready) continue;
        clearTimeout(timer);
        resolve({
          port: message.port,
          info: message,
          pid: child.pid!,
          stop: () =>
            new Promise((done) => {
              child.removeAllListeners('exit');
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
      buffer = buffer.slice(buffer.lastIndexOf('\n') + 1);
    });
  });
}
