import { NextResponse, type NextRequest } from 'next/server';
import { newNonce, webPagePolicy } from '@/lib/content-security-policy';

/**
 * Gives every page response its Content-Security-Policy with a fresh script nonce. Next.js reads
 * the nonce from the request's copy of the header and puts it on the scripts it renders; the
 * browser enforces the response's copy. Pages must render per request for this (see app/layout.tsx).
 */
export function proxy(request: NextRequest): NextResponse {
  const policy = webPagePolicy({
    nonce: newNonce(),
    pathname: request.nextUrl.pathname,
    dev: process.env.NODE_ENV === 'development',
  });
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', policy);
  return response;
}

export const config = {
  // Built files carry no policy of their own; every page and route handler does.
  matcher: ['/((?!_next/static|_next/image).*)'],
};
