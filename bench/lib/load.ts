import autocannon from 'autocannon';

export interface LoadResult {
  label: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  non2xx: number;
}

export interface LoadOptions {
  label: string;
  /** Loopback only: bench traffic never leaves the machine. */
  url: string;
  connections: number;
  durationSeconds: number;
  /** Paths to spread the load over (e.g. different event ids); default the URL's own path. */
  paths?: string[];
  method?: 'GET' | 'POST';
  body?: string;
  /** Headers per request, e.g. a different buyer's token each time. */
  headersFor?: () => Record<string, string>;
  /** A body per request, e.g. a different ticket code each time. */
  bodyFor?: () => string;
  /** Open model: this many requests per second in all, however fast the server answers. */
  overallRate?: number;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const host = new URL(options.url).hostname;
  if (!['127.0.0.1', 'localhost', '::1'].includes(host))
    throw new Error(`refusing to load a non-loopback host: ${host}`);
  let next = 0;
  const { paths, headersFor, bodyFor } = options;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    method: options.method ?? 'GET',
    ...(options.body ? { body: options.body } : {}),
    ...(options.overallRate ? { overallRate: options.overallRate } : {}),
    ...(paths || headersFor || bodyFor
      ? {
          requests: [
            {
              setupRequest: (request) => ({
                ...request,
                ...(paths ? { path: paths[next++ % paths.length]! } : {}),
                ...(headersFor ? { headers: { ...request.headers, ...headersFor() } } : {}),
                ...(bodyFor ? { body: bodyFor() } : {}),
              }),
            },
          ],
        }
      : {}),
  });
  return {
    label: options.label,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

export function printTable(title: string, rows: LoadResult[]): void {
  console.log(`\n${title}`);
  console.table(
    rows.map((r) => ({
      scenario: r.label,
      'req/s': r.requestsPerSecond,
      'p50 ms': r.p50Ms,
      'p99 ms': r.p99Ms,
      requests: r.requests,
      errors: r.errors,
      non2xx: r.non2xx,
    })),
  );
}
