import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { bearer, registerAccount } from '../support/api-accounts';
import { policySources } from '../../apps/web/lib/content-security-policy';
import { logIn } from '../support/demo-accounts';

// Unique per run, so the suite also passes against a server that has seen earlier runs.
const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

const directive = policySources;

async function pagePolicy(
  request: APIRequestContext,
  path: string,
): Promise<{ policy: string; html: string }> {
  const response = await request.get(path);
  const policies = response.headersArray().filter((h) => h.name.toLowerCase() === 'content-security-policy');
  // Exactly one: a browser enforces every policy it is sent.
  expect(policies, path).toHaveLength(1);
  return { policy: policies[0]!.value, html: await response.text() };
}

function nonceOf(policy: string): string {
  const nonce = /'nonce-([^']+)'/.exec(directive(policy, 'script-src')!.join(' '))?.[1];
  expect(nonce, policy).toBeTruthy();
  return nonce!;
}

test('web pages get one policy with a fresh script nonce, and Stripe only at checkout', async ({
  request,
}) => {
  const first = await pagePolicy(request, '/');
  const second = await pagePolicy(request, '/');
  const scripts = directive(first.policy, 'script-src')!;
  expect(scripts).toContain("'strict-dynamic'");
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(nonceOf(first.policy)).not.toBe(nonceOf(second.policy));

  // Rendered per request: every script tag carries this response's nonce.
  const tags = first.html.match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length).toBeGreaterThan(0);
  for (const tag of tags) expect(tag).toContain(`nonce="${nonceOf(first.policy)}"`);

  for (const path of [
    '/',
    '/login',
    '/signup',
    '/events/no-such-event',
    '/account/orders',
    '/no-such-page',
  ]) {
    const { policy } = await pagePolicy(request, path);
    expect(policy, path).not.toContain('stripe.com');
    expect(directive(policy, 'frame-ancestors'), path).toEqual(["'none'"]);
    expect(directive(policy, 'object-src'), path).toEqual(["'none'"]);
  }
  const checkout = (await pagePolicy(request, '/checkout/some-order')).policy;
  expect(directive(checkout, 'script-src')).toEqual(
    expect.arrayContaining([`'strict-dynamic'`, 'https://js.stripe.com']),
  );
  expect(directive(checkout, 'script-src')).not.toContain("'unsafe-inline'");
  expect(directive(checkout, 'frame-src')).toEqual(
    expect.arrayContaining(['https://js.stripe.com', 'https://hooks.stripe.com']),
  );
  expect(directive(checkout, 'connect-src')).toContain('https://api.stripe.com');

  // The API's own answers stay locked down.
  const api = await request.get('/api/events');
  expect(api.headers()['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'");
});

/** Collects what the browser refused under the page's policy, from the event and the console. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  await page.exposeFunction('reportCspViolation', (line: string) => violations.push(line));
  await page.addInitScript(() => {
    // Runs in the browser, typed here without the DOM library.
    const window = globalThis as unknown as {
      reportCspViolation: (line: string) => void;
      addEventListener: (type: string, listener: (event: Record<string, string>) => void) => void;
    };
    window.addEventListener('securitypolicyviolation', (e) => {
      window.reportCspViolation(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} on ${e.documentURI}`,
      );
    });
  });
  return violations;
}

test('pages render and run under their policy: home, event, login, checkout', async ({ page, request }) => {
  // Fresh accounts: this spec spends none of the demo accounts' login budget.
  const organizer = await registerAccount(request, 'organizer', `Oona CSP ${stamp}`, `csp-org-${stamp}`);
  const customer = await registerAccount(request, 'customer', `Cory CSP ${stamp}`, `csp-cust-${stamp}`);
  const eventName = `Policy Night ${stamp}`;
  const created = await request.post('/api/events', {
    headers: bearer(organizer.token),
    data: {
      name: eventName,
      startsAt: new Date(Date.now() + 10 * 86_400_000).toISOString(),
      timezone: 'Europe/Berlin',
      currency: 'USD',
      capacity: 50,
      ticketTypes: [{ name: 'Standard', price: 20, limit: 50 }],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const event = (await created.json()) as { id: string; ticketTypes: { id: string }[] };
  const published = await request.post(`/api/events/${event.id}/publish`, {
    headers: bearer(organizer.token),
  });
  expect(published.status(), await published.text()).toBe(200);
  const placed = await request.post('/api/orders', {
    headers: { ...bearer(customer.token), 'idempotency-key': crypto.randomUUID() },
    data: { eventId: event.id, items: [{ ticketTypeId: event.ticketTypes[0]!.id, quantity: 1 }] },
  });
  expect(placed.status(), await placed.text()).toBe(201);
  const orderId = ((await placed.json()) as { id: string }).id;

  const violations = await watchViolations(page);
  // The policy each document was served with: a policy belongs to the document, so checkout must
  // arrive as a document of its own, not as a client-side route change.
  const documents: { path: string; policy: string }[] = [];
  page.on('response', (response) => {
    if (response.request().isNavigationRequest() && response.frame() === page.mainFrame())
      documents.push({
        path: new URL(response.url()).pathname,
        policy: response.headers()['content-security-policy'] ?? '',
      });
  });

  await page.goto('/');
  await expect(page.getByRole('link', { name: eventName })).toBeVisible();
  // Hydrated: a client-side route change to the event page works.
  await page.getByRole('link', { name: eventName }).click();
  await expect(page).toHaveURL(new RegExp(`/events/${event.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: eventName })).toBeVisible();

  await page.goto(`/events/${event.id}`);
  await expect(page.getByRole('heading', { level: 1, name: eventName })).toBeVisible();
  await page.getByRole('button', { name: 'One more Standard ticket' }).click();
  await expect(page.getByLabel('Standard quantity')).toHaveValue('1');

  await page.goto(`/login?next=${encodeURIComponent(`/checkout/${orderId}`)}`);
  await logIn(page, customer);
  await expect(page).toHaveURL(new RegExp(`/checkout/${orderId}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Checkout' })).toBeVisible();
  const checkoutDocument = documents.find((d) => d.path === `/checkout/${orderId}`);
  expect(checkoutDocument, 'checkout loaded as a document').toBeDefined();
  expect(checkoutDocument!.policy).toContain('https://js.stripe.com');

  await page.getByRole('button', { name: 'Pay now (test payment)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Payment received' })).toBeVisible();

  for (const d of documents.filter((doc) => !doc.path.startsWith('/checkout/')))
    expect(d.policy, d.path).not.toContain('stripe.com');
  expect(violations).toEqual([]);
});
