import { createApi, type Api } from '@eventhub/client';
import { headers } from 'next/headers';

// A server component waits for this long at most before the page fails instead of hanging.
const SERVER_FETCH_TIMEOUT_MS = 10_000;

/**
 * The API client for server components. In production the API process serves this app itself,
 * so the API is reached over loopback; INTERNAL_API_URL points elsewhere when it is not.
 * Calls are anonymous (the access token lives only in the browser), so drafts are never seen here.
 */
export function serverApi(): Api {
  const baseUrl = process.env.INTERNAL_API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
  return createApi({
    baseUrl,
    fetch: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(SERVER_FETCH_TIMEOUT_MS) }),
  });
}

/**
 * The site's public origin for absolute links (Open Graph wants absolute image URLs): PUBLIC_URL
 * when set, else the host the request came to.
 */
export async function publicOrigin(): Promise<string> {
  const configured = process.env.PUBLIC_URL?.trim();
  if (configured) return configured.replace(/\/+$/, '');
  const h = await headers();
  const host = h.get('x-forwarded-host')?.split(',')[0]?.trim() || h.get('host') || 'localhost';
  const proto = h.get('x-forwarded-proto')?.split(',')[0]?.trim() || 'http';
  return `${proto}://${host}`;
}
