import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorLogLines,
  freePort,
  runApiMain,
  stopProcess,
  waitUntilReady,
  type RunningProcess,
} from './support/api-processes';
import { call, until } from './support/process-http';
import { TEST_JWT_SECRET } from './support/test-env';

// The real server (main.ts) on SQLite, whose mail is rendered and sent by the worker process it
// forks; createTestEnv's apps deliver in-process instead.
const PASSWORD = 'correct horse battery staple';

/** Processes whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

const alive = (pid: number) => existsSync(`/proc/${pid}`);

describe('the mail worker process (real server, SQLite)', () => {
  let dataDir: string;
  let base: string;
  let server: RunningProcess;
  let organizerToken = '';

  const start = async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = runApiMain({
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SERVE_WEB: 'false',
      DEMO_SEED: 'false',
      LOG_LEVEL: 'warn',
      JWT_SECRET: TEST_JWT_SECRET,
      APP_SECRET: 'test-app-secret-that-is-long-enough-0123456789',
      PUBLIC_CACHE_TTL_MS: '0',
    });
    await waitUntilReady(server, base);
  };

  /** The worker's pid once it is up. */
  const worker = () =>
    until('the mail worker to start', () => {
      const [pid] = childrenOf(server.child.pid!);
      return pid;
    });

  /** A paid order of one ticket for a new buyer; resolves to the buyer's address. */
  const buyAndPay = async () => {
    const created = await call(`${base}/api/events`, {
      token: organizerToken,
      body: {
        name: `Mail ${randomUUID().slice(0, 6)}`,
        capacity: 10,
        startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        ticketTypes: [{ name: 'General', price: 25, limit: 10 }],
        promotions: [],
      },
    });
    expect(created.status).toBe(201);
    const eventId = String(created.body.id);
    const tier = (created.body.ticketTypes as { id: string }[])[0]!.id;
    const published = await call(`${base}/api/events/${eventId}/publish`, {
      method: 'POST',
      token: organizerToken,
    });
    expect(published.status).toBe(200);
    const email = `buyer-${randomUUID()}@example.test`;
    const buyer = await call(`${base}/api/auth/register`, {
      body: { email, password: PASSWORD, name: 'Bea' },
    });
    expect(buyer.status).toBe(201);
    const token = String(buyer.body.accessToken);
    const order = await call(`${base}/api/orders`, {
      token,
      body: { eventId, items: [{ ticketTypeId: tier, quantity: 1 }] },
    });
    expect(order.status).toBe(201);
    const paid = await call(`${base}/api/orders/${String(order.body.id)}/pay`, {
      token,
      body: { outcome: 'succeeded' },
    });
    expect(paid.status).toBe(200);
    return email;
  };

  /** The .eml delivered to `email`, once it is there. */
  const mailTo = (email: string) =>
    until(`the confirmation to ${email}`, () => {
      const dir = path.join(dataDir, 'outbox');
      if (!existsSync(dir)) return undefined;
      const index = readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => {
          // A file the worker is still writing is read on the next look.
          try {
            return JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as {
              id: string;
              to: string;
              subject: string;
            };
          } catch {
            return undefined;
          }
        })
        // Sign-up mailed a verification link too; this is about the tickets.
        .find((m) => m?.to === email && m.subject.startsWith('Your tickets'));
      return index ? readFileSync(path.join(dir, `${index.id}.eml`), 'utf8') : undefined;
    });

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'eventhub-mail-worker-'));
    await start();
    const signUp = await call(`${base}/api/auth/register`, {
      body: {
        email: `organizer-${randomUUID()}@example.test`,
        password: PASSWORD,
        name: 'Olga',
        role: 'organizer',
      },
    });
    expect(signUp.status).toBe(201);
    organizerToken = String(signUp.body.accessToken);
  }, 120_000);

  afterAll(async () => {
    if (server) await stopProcess(server);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('mails a paid order its tickets as a PDF within moments, from a process of its own', async () => {
    const pid = await worker();
    expect(pid).not.toBe(server.child.pid);
    const email = await buyAndPay();
    const eml = await mailTo(email);
    expect(eml).toContain('application/pdf');
    expect(eml).toContain('image/png');
    expect(alive(pid)).toBe(true);
  }, 60_000);

  it('keeps mailing when the worker is killed: a new one takes over', async () => {
    const killed = await worker();
    process.kill(killed, 'SIGKILL');
    await until('the killed worker to go', () => (alive(killed) ? undefined : true));
    // Whether it lands before or after the replacement is up, the confirmation goes out.
    expect(await mailTo(await buyAndPay())).toContain('application/pdf');
    const replacement = await worker();
    expect(replacement).not.toBe(killed);
    expect(await mailTo(await buyAndPay())).toContain('application/pdf');
  }, 60_000);

  it('stops the worker with the server: on SIGTERM, and when the server is killed outright', async () => {
    const first = await worker();
    expect(await stopProcess(server)).toBe(0);
    expect(alive(first)).toBe(false);
    expect(errorLogLines(server.output())).toEqual([]);

    await start();
    const second = await worker();
    server.child.kill('SIGKILL');
    await server.exited;
    await until('the orphaned worker to exit', () => (alive(second) ? undefined : true), 10_000);
  }, 120_000);
});
