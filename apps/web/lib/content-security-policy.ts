/**
 * The web pages' Content-Security-Policy, built per request by proxy.ts. Scripts run only with
 * the request's nonce (Next.js puts it on its own scripts) or when such a script loads them
 * ('strict-dynamic'); no inline script without it. Stripe's origins are listed only on the
 * checkout pages, where the Payment Element loads.
 */

const STRIPE_SCRIPTS = ['https://js.stripe.com', 'https://*.js.stripe.com'];
const STRIPE_FRAMES = ['https://js.stripe.com', 'https://*.js.stripe.com', 'https://hooks.stripe.com'];
const STRIPE_API = ['https://api.stripe.com'];

/**
 * Pages that load Stripe's Payment Element. A policy belongs to the document and stays through
 * client-side route changes, so the way into these pages loads a new document (`openPath`, or a
 * plain <a> instead of <Link>).
 */
export function isPaymentPage(path: string): boolean {
  return /^\/checkout(?:[/?#]|$)/.test(path);
}

export interface PolicyInput {
  /** Fresh and unguessable for every response. */
  nonce: string;
  pathname: string;
  /** `next dev`: React reconstructs server error stacks with eval. */
  dev?: boolean;
}

export function webPagePolicy({ nonce, pathname, dev = false }: PolicyInput): string {
  const stripe = isPaymentPage(pathname);
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    [
      'script-src',
      [
        "'self'",
        `'nonce-${nonce}'`,
        "'strict-dynamic'",
        ...(stripe ? STRIPE_SCRIPTS : []),
        ...(dev ? ["'unsafe-eval'"] : []),
      ],
    ],
    ['script-src-attr', ["'none'"]],
    // Inline styles stay allowed (React style props, Stripe's and the charts' styles).
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['font-src', ["'self'", 'data:']],
    ['connect-src', ["'self'", ...(stripe ? STRIPE_API : [])]],
    ['frame-src', stripe ? STRIPE_FRAMES : ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** One directive's sources as a browser reads them from a policy, or undefined when it lacks it. */
export function policySources(policy: string, name: string): string[] | undefined {
  const found = policy
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([n]) => n === name);
  return found?.slice(1);
}

/** 128 random bits, base64: a nonce for one response. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
