import { expect, test, type Page } from '@playwright/test';
import { bearer, buyTickets, registerAccount, type FreshAccount } from '../support/api-accounts';
import { demoAccount, logIn } from '../support/demo-accounts';
import { snapshot } from '../support/snapshot';

/** Set on the page's window; still there later means the page was never reloaded. */
async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    (globalThis as unknown as { e2eMark: string }).e2eMark = 'not reloaded';
  });
}

async function pageMark(page: Page): Promise<string | undefined> {
  return page.evaluate(() => (globalThis as unknown as { e2eMark?: string }).e2eMark);
}

/** Runs in the browser: how wide the page's content is (wider than the window means sideways scrolling). */
function pageWidth(): number {
  return (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
    .documentElement.scrollWidth;
}

// Unique per run, so the suite also passes against a server that has seen earlier runs.
const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const eventName = `Analytics Live ${stamp}`;
let organizer: FreshAccount;
let customer: FreshAccount;
let eventId = '';
let standardId = '';
let vipId = '';

// The organizer watches the event the first test sets up while customers buy in other contexts.
test.describe.configure({ mode: 'serial' });

test('an organizer publishes an event and a first customer buys through the API', async ({ request }) => {
  // Fresh accounts: this spec spends none of the demo accounts' login budget.
  organizer = await registerAccount(request, 'organizer', `Orla Organizer ${stamp}`, `org-${stamp}`);
  customer = await registerAccount(request, 'customer', `Cleo Customer ${stamp}`, `cust-${stamp}`);
  const created = await request.post('/api/events', {
    headers: bearer(organizer.token),
    data: {
      name: eventName,
      startsAt: new Date(Date.now() + 20 * 86_400_000).toISOString(),
      timezone: 'Europe/Berlin',
      currency: 'USD',
      capacity: 40,
      ticketTypes: [
        { name: 'Standard', price: 25, limit: 30 },
        { name: 'VIP', price: 80, limit: 10, maxPerOrder: 10 },
      ],
      promotions: ['SAVE10'],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const event = (await created.json()) as { id: string; ticketTypes: { id: string; name: string }[] };
  eventId = event.id;
  standardId = event.ticketTypes.find((t) => t.name === 'Standard')!.id;
  vipId = event.ticketTypes.find((t) => t.name === 'VIP')!.id;
  const published = await request.post(`/api/events/${eventId}/publish`, {
    headers: bearer(organizer.token),
  });
  expect(published.status(), await published.text()).toBe(200);

  await buyTickets(request, customer.token, eventId, [{ ticketTypeId: standardId, quantity: 2 }]);
});

test("the organizer's dashboard follows a purchase made in another browser, without a reload", async ({
  browser,
}) => {
  expect(eventId, 'the event was set up first').not.toBe('');
  const organizerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const customerContext = await browser.newContext({ viewport: { width: 375, height: 812 } });
  try {
    const dashboard = await organizerContext.newPage();
    await dashboard.goto('/login?next=%2Forganizer');
    await logIn(dashboard, organizer);
    await expect(dashboard).toHaveURL(/\/organizer$/);
    await dashboard.getByRole('link', { name: `Sales of ${eventName}` }).click();
    await expect(dashboard).toHaveURL(new RegExp(`/organizer/events/${eventId}/analytics$`));

    await expect(dashboard.getByRole('heading', { level: 1, name: `${eventName}: sales` })).toBeVisible();
    await expect(dashboard.getByTestId('live-status')).toHaveText('Live');
    await expect(dashboard.getByTestId('kpi-tickets-sold-value')).toHaveText('2');
    await expect(dashboard.getByTestId('kpi-net-revenue-value')).toHaveText('$50.00');
    await expect(dashboard.getByTestId('kpi-remaining-value')).toHaveText('38');
    await expect(dashboard.getByTestId('kpi-check-in-rate-value')).toHaveText('0%');
    const chart = dashboard.getByTestId('sales-chart');
    await expect(chart.locator('svg.recharts-surface').first()).toBeVisible();
    await expect(chart.locator('figcaption')).toContainText('2 tickets and $50.00 net revenue');
    await expect(dashboard.getByTestId('tier-row').filter({ hasText: 'Standard' })).toContainText('$50.00');
    await expect(dashboard.getByTestId('capacity-gauge')).toContainText('Sold: 2');
    await markPage(dashboard);

    // A customer buys three Standard tickets on a phone, through the public page and checkout.
    const shop = await customerContext.newPage();
    await shop.goto(`/login?next=${encodeURIComponent(`/events/${eventId}`)}`);
    await logIn(shop, customer);
    await expect(shop.getByRole('heading', { level: 1, name: eventName })).toBeVisible();
    const standard = shop.getByTestId('ticket-tier').filter({ hasText: 'Standard' });
    await expect(standard.getByTestId('tier-remaining')).toHaveText('28 left');
    for (let i = 0; i < 3; i += 1)
      await shop.getByRole('button', { name: 'One more Standard ticket' }).click();
    await shop.getByRole('button', { name: 'Reserve tickets' }).click();
    await expect(shop).toHaveURL(/\/checkout\/[^/]+$/);
    // The checkout says what is left besides the three now held.
    await expect(shop.getByTestId('checkout-remaining')).toHaveText('Standard: 25 left');
    await shop.getByRole('button', { name: 'Pay now (test payment)' }).click();
    await expect(shop.getByRole('heading', { level: 1, name: 'Payment received' })).toBeVisible();

    // The organizer's tiles and chart move by themselves.
    await expect(dashboard.getByTestId('kpi-tickets-sold-value')).toHaveText('5');
    await expect(dashboard.getByTestId('kpi-net-revenue-value')).toHaveText('$125.00');
    await expect(dashboard.getByTestId('kpi-remaining-value')).toHaveText('35');
    await expect(chart.locator('figcaption')).toContainText('5 tickets and $125.00 net revenue');
    await expect(dashboard.getByTestId('capacity-gauge')).toContainText('Sold: 5');
    expect(await pageMark(dashboard)).toBe('not reloaded');
    await snapshot(dashboard, 'event-dashboard-desktop');
    await dashboard.setViewportSize({ width: 375, height: 812 });
    // Nothing is wider than the phone: tiles wrap, charts shrink, tables scroll in their own box.
    await expect.poll(() => dashboard.evaluate(pageWidth)).toBeLessThanOrEqual(375);
    await snapshot(dashboard, 'event-dashboard-phone');
  } finally {
    await customerContext.close();
    await organizerContext.close();
  }
});

test('the period picker re-queries: a range before any sale shows none', async ({ browser }) => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`/login?next=${encodeURIComponent(`/organizer/events/${eventId}/analytics`)}`);
    await logIn(page, organizer);
    await expect(page.getByTestId('kpi-tickets-sold-value')).toHaveText('5');
    await page.getByLabel('From').fill('2020-01-01');
    await page.getByLabel('To (included)').fill('2020-01-31');
    await page.getByRole('button', { name: 'Show these dates' }).click();
    await expect(page).toHaveURL(/from=2020-01-01&to=2020-01-31/);
    await expect(page.getByTestId('kpi-tickets-sold-value')).toHaveText('0');
    await expect(page.getByTestId('sales-chart-empty')).toBeVisible();
    await page.getByRole('button', { name: 'Last 7 days' }).click();
    await expect(page.getByRole('button', { name: 'Last 7 days' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page).toHaveURL(/range=7d/);
    await expect(page.getByTestId('kpi-tickets-sold-value')).toHaveText('5');

    // The orders CSV downloads with the access token.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Orders CSV' }).click();
    expect((await download).suggestedFilename()).toBe(`event-${eventId}-orders.csv`);

    // Across events, the same sales.
    await page.goto('/organizer');
    await page.getByRole('link', { name: 'Sales across your events' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sales across your events' })).toBeVisible();
    await expect(page.getByTestId('live-status')).toHaveText('Live');
    await expect(page.getByTestId(`event-row-${eventId}`)).toContainText('5');
    await expect(page.getByTestId('kpi-tickets-sold-value')).toHaveText('5');
    await snapshot(page, 'organizer-dashboard');
  } finally {
    await context.close();
  }
});

test('the public event page counts down "N left" live and disables a tier that sells out', async ({
  browser,
  request,
}) => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`/events/${eventId}`);
    const standard = page.getByTestId('ticket-tier').filter({ hasText: 'Standard' });
    const vip = page.getByTestId('ticket-tier').filter({ hasText: 'VIP' });
    await expect(standard.getByTestId('tier-remaining')).toHaveText('25 left');
    await expect(vip.getByTestId('tier-remaining')).toHaveText('Only 10 left');
    await markPage(page);

    // Bought by someone else, elsewhere.
    await buyTickets(request, customer.token, eventId, [{ ticketTypeId: standardId, quantity: 4 }]);
    await expect(standard.getByTestId('tier-remaining')).toHaveText('21 left');

    await buyTickets(request, customer.token, eventId, [{ ticketTypeId: vipId, quantity: 10 }]);
    await expect(vip.getByTestId('tier-remaining')).toHaveText('Sold out');
    await expect(page.getByRole('button', { name: 'One more VIP ticket' })).toHaveCount(0);
    expect(await pageMark(page)).toBe('not reloaded');
  } finally {
    await context.close();
  }
});

test('an admin sees the platform figures, and can narrow them to one organizer', async ({ browser }) => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto('/login?next=%2Fadmin');
    await logIn(page, demoAccount('admin'));
    await expect(page).toHaveURL(/\/admin$/);
    await page.getByRole('link', { name: 'Analytics', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Platform analytics' })).toBeVisible();
    await expect(page.getByTestId('live-status')).toHaveText('Live');
    await expect(page.getByTestId('kpi-tickets-sold')).toBeVisible();
    await page
      .getByLabel('Organizer', { exact: true })
      .selectOption({ label: `${organizer.name} (${organizer.email})` });
    await expect(page).toHaveURL(/organizer=/);
    await expect(page.getByTestId('kpi-tickets-sold-value')).toHaveText('19');
    await expect(page.getByTestId('organizer-row')).toHaveCount(1);
    await expect(page.getByTestId('organizer-row')).toContainText(organizer.name);
    await snapshot(page, 'platform-dashboard');
  } finally {
    await context.close();
  }
});
