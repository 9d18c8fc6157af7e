// Talking to API processes started for real (support/api-processes.ts): plain HTTP on loopback.

export interface Reply {
  status: number;
  body: { code?: string; id?: string; [key: string]: unknown };
}

/** One JSON request; `ip` sets X-Forwarded-For (the processes run with TRUST_PROXY). */
export async function call(
  url: string,
  init: { method?: string; token?: string; ip?: string; body?: unknown } = {},
): Promise<Reply> {
  const response = await fetch(url, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.ip ? { 'x-forwarded-for': init.ip } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Reply['body']) : {} };
}

/** How many replies of each status (and problem code): a whole rush in one comparable line. */
export function tally(replies: Reply[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of replies) {
    const key = r.body.code ? `${r.status} ${r.body.code}` : String(r.status);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** Polls `probe` every 100 ms until it gives a value; another process's work is only seen so. */
export async function until<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
