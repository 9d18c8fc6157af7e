import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { demoAccount, logIn } from '../support/demo-accounts';

// Unique per run, so the suite also passes against a server that has seen earlier runs.
const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const eventName = `Quiet Console Night ${stamp}`;

/** What the browser reported as an error: console.error (a failed request logs one too) and uncaught exceptions. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

async function organizerHeaders(request: APIRequestContext): Promise<Record<string, string>> {
  const organizer = demoAccount('organizer');
  const login = await request.post('/api/auth/login', {
    data: { email: organizer.email, password: organizer.password },
  });
  expect(login.status(), await login.text()).toBe(200);
  const { accessToken } = (await login.json()) as { accessToken: string };
  return { authorization: `Bearer ${accessToken}` };
}

/** A published event and a guest's order held on it: the three public pages a buyer meets. */
async function publicPages(
  request: APIRequestContext,
): Promise<{ name: string; path: string; ready: string }[]> {
  const headers = await organizerHeaders(request);
  const created = await request.post('/api/events', {
    headers,
    data: {
      name: eventName,
      description: 'Nothing to report.',
      startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      timezone: 'Europe/Berlin',
      currency: 'EUR',
      capacity: 100,
      venue: { name: 'Small Hall', city: 'Bremen', country: 'DE' },
      ticketTypes: [{ name: 'Standard', price: 20, limit: 100 }],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const event = (await created.json()) as { id: string; ticketTypes: { id: string }[] };
  const published = await request.post(`/api/events/${event.id}/publish`, { headers });
  expect(published.status(), await published.text()).toBe(200);

  // Without a bearer token the order is a guest's; its token opens the checkout in any browser.
  const ordered = await request.post('/api/orders', {
    data: {
      eventId: event.id,
      items: [{ ticketTypeId: event.ticketTypes[0]!.id, quantity: 1 }],
      buyer: { email: `quiet.${stamp}@example.com`, name: 'Quinn Quiet' },
    },
  });
  expect(ordered.status(), await ordered.text()).toBe(201);
  const order = (await ordered.json()) as { id: string; orderToken: string };
  return [
    { name: 'home', path: '/', ready: 'EventHub' },
    { name: 'event', path: `/events/${event.id}`, ready: eventName },
    { name: 'checkout', path: `/checkout/${order.id}?token=${order.orderToken}`, ready: 'Checkout' },
  ];
}

/** Opens `path` in a new browser profile and waits until the page and the header's session are settled. */
async function freshVisit(browser: Browser, path: string, heading: string): Promise<string[]> {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
  try {
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    // The header offers "Log in" once the session is known to be anonymous: by then a refresh
    // attempt would have failed and hydration has run.
    await expect(page.getByRole('banner').getByRole('link', { name: 'Log in' })).toBeVisible();
    await page.waitForLoadState('load');
    return errors;
  } finally {
    await context.close();
  }
}

test('a fresh visit to the home page, an event page and the checkout logs no error', async ({
  browser,
  request,
}) => {
  for (const { name, path, ready } of await publicPages(request)) {
    expect(await freshVisit(browser, path, ready), `errors on the ${name} page`).toEqual([]);
  }
});

test('a session survives a reload, and after logging out no page asks for a refresh', async ({ browser }) => {
  const customer = demoAccount('customer');
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors = collectErrors(page);
    const refreshes: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/auth/refresh')) refreshes.push(request.url());
    });

    await page.goto('/login');
    await logIn(page, customer);
    const banner = page.getByRole('banner');
    await expect(banner.getByText(customer.name)).toBeVisible();
    await page.reload();
    await expect(banner.getByText(customer.name)).toBeVisible();
    expect(refreshes, 'the reload restored the session from the cookie').toHaveLength(1);

    await banner.getByRole('button', { name: 'Log out' }).click();
    await expect(banner.getByRole('link', { name: 'Log in' })).toBeVisible();
    await page.reload();
    await expect(banner.getByRole('link', { name: 'Log in' })).toBeVisible();
    expect(refreshes, 'no refresh after logging out').toHaveLength(1);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
