import http from 'node:http';

/** Bench traffic never leaves the machine: throws unless `url` names a loopback host. */
export function assertLoopback(url: string | URL): void {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host))
    throw new Error(`refusing to load a non-loopback host: ${host}`);
}

export interface Answer {
  status: number;
  body: string;
}

/**
 * One request on a kept-alive `agent`, its whole answer read. Plain node:http: on the two cores
 * the server shares with the load generator, it costs far less CPU per request than fetch.
 */
export function send(
  agent: http.Agent,
  url: URL,
  method: 'GET' | 'POST',
  headers: Record<string, string> = {},
  body?: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        headers: body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
