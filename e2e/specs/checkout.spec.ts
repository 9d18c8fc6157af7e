import { expect, test, type APIRequestContext } from '@playwright/test';
import { demoAccount, logIn, type DemoAccount } from '../support/demo-accounts';
import { expectQrCodes } from '../support/images';
import { snapshot } from '../support/snapshot';

async function apiToken(request: APIRequestContext, account: DemoAccount): Promise<string> {
  const response = await request.post('/api/auth/login', {
    data: { email: account.email, password: account.password },
  });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

// Unique per run, so the suite also passes against a server that has seen earlier runs.
const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const eventName = `Checkout Summit ${stamp}`;
let eventId = '';
let orderId = '';
let orderReference = '';

// The customer buys at the event the organizer sets up; the organizer then sees the order.
test.describe.configure({ mode: 'serial' });

test('an organizer sets up and publishes an event through the API', async ({ request }) => {
  const token = await apiToken(request, demoAccount('organizer'));
  const headers = { authorization: `Bearer ${token}` };
  const created = await request.post('/api/events', {
    headers,
    data: {
      name: eventName,
      description: 'A day of talks about selling tickets.',
      startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      timezone: 'Europe/Berlin',
      currency: 'USD',
      capacity: 200,
      venue: { name: 'Hall 7', city: 'Berlin', country: 'DE' },
      refundPolicy: { customerRefundsUntilHoursBefore: 1 },
      ticketTypes: [
        { name: 'Standard', price: 50, limit: 100 },
        { name: 'VIP', price: 120, limit: 20, maxPerOrder: 4 },
      ],
      promotions: [{ code: 'SAVE10', kind: 'percent', value: 10 }],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  eventId = ((await created.json()) as { id: string }).id;

  const published = await request.post(`/api/events/${eventId}/publish`, { headers });
  expect(published.status(), await published.text()).toBe(200);
});

test('a customer reserves with a promo code, pays, gets QR tickets and refunds them', async ({ browser }) => {
  expect(eventId, 'the organizer set up the event first').not.toBe('');
  const customer = demoAccount('customer');
  // A phone-sized window: the whole journey must work at 375 px.
  const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
  try {
    const page = await context.newPage();
    await page.goto(`/events/${eventId}`);
    await expect(page.getByRole('heading', { level: 1, name: eventName })).toBeVisible();

    // Signed out, reserving asks to log in first and comes back to the event, the choice kept.
    await page.getByRole('button', { name: 'One more Standard ticket' }).click();
    await page.getByRole('button', { name: 'Log in to reserve' }).click();
    await expect(page).toHaveURL(new RegExp(`/login\\?next=%2Fevents%2F${eventId}$`));
    await logIn(page, customer);
    await expect(page).toHaveURL(new RegExp(`/events/${eventId}$`));
    await expect(page.getByRole('banner').getByText(customer.name)).toBeVisible();
    await expect(page.getByLabel('Standard quantity')).toHaveValue('1');

    await page.getByRole('button', { name: 'One more VIP ticket' }).click();
    await expect(page.getByLabel('VIP quantity')).toHaveValue('1');
    await expect(page.getByTestId('selection-total')).toHaveText('2 tickets · $170.00');

    // One form per ticket, the first one in the buyer's name.
    const first = page.getByRole('group', { name: 'Ticket 1: Standard' });
    await expect(first.getByLabel('Name')).toHaveValue(customer.name);
    await expect(first.getByLabel('Email')).toHaveValue(customer.email);
    await first.getByLabel('Age range (optional)').selectOption('25-34');
    const second = page.getByRole('group', { name: 'Ticket 2: VIP' });
    await second.getByLabel('Name').fill('Alex Guest');
    await second.getByLabel('Email').fill(`alex.${stamp}@example.com`);
    await second.getByLabel('Country (optional)').selectOption('DE');

    // A code the event does not have is refused next to the field.
    const promo = page.getByLabel('Promo code (optional)');
    await promo.fill('NOPE99');
    await page.getByRole('button', { name: 'Reserve tickets' }).click();
    await expect(page.getByText('This promo code does not exist for this event')).toBeVisible();
    await expect(promo).toHaveAttribute('aria-invalid', 'true');
    await expect(promo).toBeFocused();

    await promo.fill('save10');
    await snapshot(page, 'event-ticket-selector');
    await page.getByRole('button', { name: 'Reserve tickets' }).click();

    await expect(page).toHaveURL(/\/checkout\/[^/]+$/);
    orderId = new URL(page.url()).pathname.split('/').pop()!;
    await expect(page.getByRole('heading', { level: 1, name: 'Checkout' })).toBeVisible();
    await expect(page.getByTestId('order-discount')).toContainText('SAVE10');
    await expect(page.getByTestId('order-discount')).toContainText('−$17.00');
    await expect(page.getByTestId('order-total')).toContainText('$153.00');
    const countdown = page.getByTestId('hold-countdown');
    await expect(countdown).toHaveText(/^\d\d:\d\d$/);
    const shown = await countdown.textContent();
    await expect(countdown).not.toHaveText(shown!);
    await snapshot(page, 'checkout');

    await page.getByRole('button', { name: 'Pay now (test payment)' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Payment received' })).toBeVisible();
    const tickets = page.getByRole('list', { name: 'Tickets' });
    await expect(tickets.getByRole('listitem')).toHaveCount(2);
    await expect(tickets).toContainText(customer.name);
    await expect(tickets).toContainText('Alex Guest');
    await expectQrCodes(page, 2);

    await page.getByRole('banner').getByRole('link', { name: 'My orders' }).click();
    await expect(page).toHaveURL(/\/account\/orders$/);
    const card = page.getByTestId(`order-${orderId}`);
    await expect(card).toContainText('Paid');
    await expect(card).toContainText('$153.00');
    await snapshot(page, 'my-orders');
    await card.getByRole('link', { name: eventName, exact: true }).click();

    await expect(page).toHaveURL(new RegExp(`/account/orders/${orderId}$`));
    await expect(page.getByRole('heading', { level: 1, name: eventName })).toBeVisible();
    // People see the order's short reference, not its id.
    const reference = page.locator('.order-id code');
    await expect(reference).toHaveText(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    orderReference = (await reference.textContent())!;
    await expect(page.getByText(/^You can refund tickets yourself until/)).toBeVisible();
    await expectQrCodes(page, 2);
    await snapshot(page, 'order-with-qr-codes');

    await page.getByRole('button', { name: 'Refund whole order' }).click();
    await expect(page.getByText('Refund all 2 tickets for $153.00?')).toBeVisible();
    await page.getByRole('button', { name: 'Yes, refund' }).click();
    await expect(page.getByTestId('order-notice')).toHaveText(
      'Refunded $153.00 for 2 tickets. The refunded tickets are no longer valid.',
    );
    await expect(page.locator('hgroup')).toContainText('Refunded');
    await expect(page.getByRole('list', { name: 'Tickets' }).getByText('Void', { exact: true })).toHaveCount(
      2,
    );
    await expect(page.getByTestId('ticket-qr')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Refund whole order' })).toBeHidden();
    await snapshot(page, 'order-refunded');
  } finally {
    await context.close();
  }
});

test('the customer finds the tickets e-mail in the local mailbox', async ({ browser }) => {
  expect(orderId, 'the customer placed an order first').not.toBe('');
  const customer = demoAccount('customer');
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto('/login?next=%2Faccount');
    await logIn(page, customer);
    await expect(page).toHaveURL(/\/account$/);
    await page.getByRole('link', { name: 'Mailbox (local demo)' }).click();
    await expect(page).toHaveURL(/\/account\/mailbox$/);

    // The server's worker sends the mail shortly after payment; look again until it is there.
    const subject = `Your tickets for ${eventName}`;
    const message = page.getByRole('list', { name: 'Messages' }).getByRole('button', { name: subject });
    await expect(async () => {
      await page.reload();
      await expect(message).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await message.click();

    const opened = page.getByTestId('mail-message');
    await expect(opened.getByRole('heading', { level: 2, name: subject })).toBeVisible();
    await expect(opened).toContainText(customer.email);
    await expect(opened).toContainText(
      `Thank you for your order ${orderReference}: 2 ticket(s) for ${eventName}.`,
    );
    await expect(opened).toContainText('Alex Guest: ticket code');
    await snapshot(page, 'mailbox');
  } finally {
    await context.close();
  }
});

test('a failed payment releases the tickets, and an unpaid hold runs out', async ({ browser }) => {
  expect(eventId, 'the organizer set up the event first').not.toBe('');
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    // The page's clock, so the fifteen-minute hold can be run down in an instant.
    await page.clock.install();
    await page.goto(`/login?next=${encodeURIComponent(`/events/${eventId}`)}`);
    await logIn(page, demoAccount('customer'));
    await expect(page).toHaveURL(new RegExp(`/events/${eventId}$`));

    await page.getByRole('button', { name: 'One more Standard ticket' }).click();
    await page.getByRole('button', { name: 'Reserve tickets' }).click();
    await expect(page).toHaveURL(/\/checkout\/[^/]+$/);
    await page.getByRole('button', { name: 'Simulate a failed payment' }).click();
    const heading = page.getByRole('heading', { level: 1, name: 'Payment failed' });
    await expect(heading).toBeVisible();
    await expect(heading).toBeFocused();
    await expect(page.getByRole('button', { name: 'Pay now (test payment)' })).toBeHidden();

    await page
      .getByRole('main')
      .getByRole('link', { name: `Back to ${eventName}` })
      .click();
    await expect(page).toHaveURL(new RegExp(`/events/${eventId}$`));
    await page.getByRole('button', { name: 'One more Standard ticket' }).click();
    await page.getByRole('button', { name: 'Reserve tickets' }).click();
    await expect(page).toHaveURL(/\/checkout\/[^/]+$/);
    await expect(page.getByTestId('hold-countdown')).toHaveText(/^1[45]:\d\d$/);

    await page.clock.fastForward('15:05');
    await expect(page.getByRole('heading', { level: 1, name: 'Your reservation expired' })).toBeVisible();
    await expect(page.getByTestId('checkout-expired')).toContainText('went back on sale');
    await expect(page.getByTestId('checkout-expired').getByRole('link')).toHaveAttribute(
      'href',
      `/events/${eventId}`,
    );
    await expect(page.getByRole('button', { name: 'Pay now (test payment)' })).toBeHidden();
  } finally {
    await context.close();
  }
});

test("the organizer finds the refunded order among the event's orders", async ({ browser }) => {
  expect(orderId, 'the customer placed an order first').not.toBe('');
  const customer = demoAccount('customer');
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto('/login?next=%2Forganizer');
    await logIn(page, demoAccount('organizer'));
    await expect(page).toHaveURL(/\/organizer$/);
    await page
      .getByTestId(`my-event-${eventId}`)
      .getByRole('link', { name: `Orders of ${eventName}` })
      .click();

    await expect(page).toHaveURL(new RegExp(`/organizer/events/${eventId}/orders$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible();
    const row = page.getByTestId(`order-${orderId}`);
    await expect(row).toContainText('Refunded');
    // Who bought, straight from the list.
    await expect(row).toContainText(customer.name);
    await expect(row).toContainText(customer.email);
    await expect(row.getByRole('button', { name: /^Refund/ })).toBeHidden();

    // Search by the buyer's e-mail, only refunded orders.
    await page.getByRole('searchbox', { name: 'Search' }).fill(customer.email);
    await page.getByLabel('Status').selectOption('refunded');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/[?&]status=refunded/);
    await expect(page.getByText('1 order found.')).toBeVisible();
    await expect(page.getByTestId(`order-${orderId}`)).toContainText('Refunded');
    await snapshot(page, 'organizer-orders');
  } finally {
    await context.close();
  }
});

test('an admin finds the transaction among every order on the platform', async ({ browser }) => {
  expect(orderId, 'the customer placed an order first').not.toBe('');
  const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
  try {
    const page = await context.newPage();
    await page.goto('/login?next=%2Fadmin');
    await logIn(page, demoAccount('admin'));
    await expect(page).toHaveURL(/\/admin$/);
    await page.getByRole('main').getByRole('link', { name: 'Orders', exact: true }).click();
    await expect(page).toHaveURL(/\/admin\/orders$/);

    await page.getByLabel('Event id').fill(eventId);
    await page.getByLabel('Status').selectOption('refunded');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]eventId=${eventId}`));
    await expect(page.getByText('1 order found.')).toBeVisible();
    const row = page.getByTestId(`admin-order-${orderId}`);
    await expect(row).toContainText(eventName);
    await expect(row).toContainText(demoAccount('customer').email);
    await expect(row).toContainText('Refunded');
    await expect(row).toContainText('$153.00');
    await snapshot(page, 'admin-orders');

    // Paid orders of this event: none are left.
    await page.getByLabel('Status').selectOption('paid');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page.getByText('0 orders found.')).toBeVisible();
  } finally {
    await context.close();
  }
});
