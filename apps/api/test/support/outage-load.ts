import { performance } from 'node:perf_hooks';

/** One request of a load, as a client saw it. */
export interface Answer {
  kind: string;
  /** performance.now() when it was sent, and how long until the whole answer was in. */
  sentAt: number;
  ms: number;
  /** 0: no HTTP answer at all (connection failed, or the client gave up after `GIVE_UP_MS`). */
  status: number;
  code: string | null;
  retryAfter: string | null;
}

export interface LoadRequest {
  kind: string;
  path: string;
  init?: () => RequestInit;
}

// Far beyond the 5 s the contract allows, so a hang shows as an answer that took too long
// instead of a test that never ends.
const GIVE_UP_MS = 20_000;

/** Sends one request and records its answer. */
export async function send(baseUrl: string, request: LoadRequest): Promise<Answer> {
  const sentAt = performance.now();
  try {
    const res = await fetch(`${baseUrl}${request.path}`, {
      ...request.init?.(),
      signal: AbortSignal.timeout(GIVE_UP_MS),
    });
    const text = await res.text();
    let code: string | null = null;
    if (res.headers.get('content-type')?.startsWith('application/problem+json'))
      code = (JSON.parse(text) as { code?: string }).code ?? null;
    return {
      kind: request.kind,
      sentAt,
      ms: performance.now() - sentAt,
      status: res.status,
      code,
      retryAfter: res.headers.get('retry-after'),
    };
  } catch {
    return {
      kind: request.kind,
      sentAt,
      ms: performance.now() - sentAt,
      status: 0,
      code: null,
      retryAfter: null,
    };
  }
}

/**
 * Concurrent clients that send these requests in turn, each as soon as its previous answer is in,
 * until `stop()`; resolves with every answer. Bounded: one client's requests never overlap.
 */
export function startLoad(baseUrl: string, requests: LoadRequest[], clients: number) {
  let stopped = false;
  const answers: Answer[] = [];
  const runs = Array.from({ length: clients }, async (_, client) => {
    for (let i = client; !stopped; i++) answers.push(await send(baseUrl, requests[i % requests.length]!));
  });
  return {
    answers,
    async stop(): Promise<Answer[]> {
      stopped = true;
      await Promise.all(runs);
      return answers;
    },
  };
}

/** What the contract allows while the database is away: 2xx/4xx, or 503 database_unavailable with Retry-After. */
export function isAllowedOutageAnswer(answer: Answer): boolean {
  if (answer.status >= 200 && answer.status < 500) return true;
  return answer.status === 503 && answer.code === 'database_unavailable' && answer.retryAfter !== null;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Repeats `probe` until it holds; resolves with how long that took (ms), or rejects after `timeoutMs`. */
export async function timeUntil(
  probe: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<number> {
  const started = performance.now();
  while (!(await probe())) {
    if (performance.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(50);
  }
  return performance.now() - started;
}
