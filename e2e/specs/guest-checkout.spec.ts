import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { demoAccount } from '../support/demo-accounts';
import { mailedLink } from '../support/mailbox';
import { expectQrCodes } from '../support/images';

// Unique per run, so the suite also passes against a server that has seen earlier runs.
const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const eventName = `Guest Gala ${stamp}`;
const guest = { name: `Gina Guest ${stamp}`, email: `gina.${stamp}@example.com` };

async function publishEvent(request: APIRequestContext): Promise<string> {
  const organizer = demoAccount('organizer');
  const login = await request.post('/api/auth/login', {
    data: { email: organizer.email, password: organizer.password },
  });
  expect(login.status(), await login.text()).toBe(200);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const headers = { authorization: `Bearer ${accessToken}` };
  const created = await request.post('/api/events', {
    headers,
    data: {
      name: eventName,
      startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      timezone: 'Europe/Berlin',
      currency: 'USD',
      capacity: 100,
      venue: { name: 'Harbour Hall', city: 'Hamburg', country: 'DE' },
      refundPolicy: { customerRefundsUntilHoursBefore: 24 },
      ticketTypes: [
        { name: 'Standard', price: 50, limit: 50 },
        { name: 'VIP', price: 120, limit: 10 },
      ],
      promotions: [{ code: 'SAVE10', kind: 'percent', value: 10 }],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const published = await request.post(`/api/events/${id}/publish`, { headers });
  expect(published.status(), await published.text()).toBe(200);
  return id;
}

/** The ticket selector shows the choice made before the detour. */
async function expectSelection(page: Page): Promise<void> {
  await expect(page.getByLabel('Standard quantity')).toHaveValue('1');
  await expect(page.getByLabel('VIP quantity')).toHaveValue('1');
  await expect(page.getByLabel('Promo code (optional)')).toHaveValue('SAVE10');
  await expect(page.getByRole('group', { name: 'Ticket 2: VIP' }).getByLabel('Name')).toHaveValue(
    'Vic Friend',
  );
}

// Long journeys through several pages and the mailbox, on a machine that may be busy.
test.describe.configure({ timeout: 180_000 });

test('a guest keeps the selection through the login page, buys as a guest and opens the mailed link', async ({
  browser,
  request,
}) => {
  const eventId = await publishEvent(request);
  const context = await browser.newContext();
  const other = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`/events/${eventId}`);
    await page.getByRole('button', { name: 'One more Standard ticket' }).click();
    await page.getByRole('button', { name: 'One more VIP ticket' }).click();
    await page.getByLabel('Promo code (optional)').fill('SAVE10');
    await page.getByRole('group', { name: 'Ticket 2: VIP' }).getByLabel('Name').fill('Vic Friend');

    // Sent to log in; the login page offers the way back as a guest, to the same selection.
    await page.getByRole('button', { name: 'Log in to reserve' }).click();
    await expect(page).toHaveURL(new RegExp(`/login\\?next=%2Fevents%2F${eventId}$`));
    // Focus moved to the new page's heading with the client-side navigation.
    await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeFocused();
    await page.getByRole('link', { name: 'Continue as guest' }).click();
    await expect(page).toHaveURL(new RegExp(`/events/${eventId}\\?checkout=guest$`));
    await expectSelection(page);
    // A reload keeps it too.
    await page.reload();
    await expectSelection(page);
    await expect(page.getByTestId('selection-total')).toHaveText('2 tickets · $170.00 before the promo code');

    await page.getByLabel('Your name').fill(guest.name);
    await page.getByLabel('Your email').fill(guest.email);
    await page.getByRole('button', { name: 'Reserve as guest' }).click();

    await expect(page).toHaveURL(/\/checkout\/[^/?]+$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Checkout' })).toBeVisible();
    await expect(page.getByTestId('order-total')).toContainText('$153.00');
    await page.getByRole('button', { name: 'Pay now (test payment)' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Payment received' })).toBeVisible();
    await expectQrCodes(page, 2);

    // The confirmation mail links to the order with its token; opened on another device (no
    // session, nothing kept in its tab), it shows the order and its tickets.
    const link = await mailedLink(browser, guest.email, /https?:\/\/\S+\/orders\/[^\s/?]+\?token=[\w-]+/);
    const linked = await other.newPage();
    await linked.goto(link);
    await expect(linked.getByRole('heading', { level: 1, name: eventName })).toBeVisible();
    await expect(linked.getByTestId('order-reference')).toHaveText(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const facts = linked.getByTestId('order-event');
    await expect(facts).toContainText('Europe/Berlin');
    await expect(facts).toContainText(/(CET|CEST)/);
    await expect(facts).toContainText('Harbour Hall');
    await expect(linked.getByTestId('order-total')).toContainText('$153.00');
    const tickets = linked.getByRole('list', { name: 'Tickets' });
    await expect(tickets.getByRole('listitem')).toHaveCount(2);
    await expect(tickets).toContainText(guest.name);
    await expect(tickets).toContainText('Vic Friend');
    await expectQrCodes(linked, 2);
    // The refund deadline, in the event's zone.
    await expect(linked.getByText(/You can refund tickets yourself until .* (CET|CEST)/)).toBeVisible();

    // The token lets the guest change a ticket's holder.
    const vic = tickets.getByRole('listitem').filter({ hasText: 'Vic Friend' });
    await vic.getByRole('button', { name: /Change holder/ }).click();
    await vic.getByLabel("New holder's name").fill('Val Friend');
    await vic.getByRole('button', { name: 'Save holder' }).click();
    await expect(tickets.getByRole('listitem').filter({ hasText: 'Val Friend' })).toHaveCount(1);
    await expect(tickets).not.toContainText('Vic Friend');

    // A link with a wrong token shows nothing of the order.
    await linked.goto(link.replace(/token=[\w-]+/, `token=${'x'.repeat(43)}`));
    await expect(linked.getByText('This order link does not work')).toBeVisible();
    await expect(linked.getByRole('list', { name: 'Tickets' })).toBeHidden();
  } finally {
    await other.close();
    await context.close();
  }
});

test('"find my tickets" answers the same for any address', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('banner').getByRole('link', { name: 'Find my tickets' }).click();
  await expect(page).toHaveURL(/\/find-tickets$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Find my tickets' })).toBeFocused();
  await page.getByLabel('Email').fill(guest.email);
  await page.getByRole('button', { name: 'Send me my order links' }).click();
  const sent = page.getByTestId('find-tickets-sent');
  await expect(sent).toContainText(guest.email);
  const known = (await sent.textContent())!.replace(guest.email, '<address>');

  await page.getByRole('button', { name: 'Use another address' }).click();
  const stranger = `nobody.${stamp}@example.com`;
  await page.getByLabel('Email').fill(stranger);
  await page.getByRole('button', { name: 'Send me my order links' }).click();
  await expect(sent).toContainText(stranger);
  expect((await sent.textContent())!.replace(stranger, '<address>')).toBe(known);
});
