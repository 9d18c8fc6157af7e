import { expect, test } from '@playwright/test';
import { bearer, buyTickets, registerAccount, type FreshAccount } from '../support/api-accounts';
import { demoAccount, logIn } from '../support/demo-accounts';
import { snapshot } from '../support/snapshot';

/** Runs in the browser: how far the page, and the list's table in its box, reach past what they show. */
function overflow(): { page: number; table: number } {
  type Box = { scrollWidth: number; clientWidth: number };
  const { document, innerWidth } = globalThis as unknown as {
    document: { scrollingElement: Box; querySelector(selector: string): Box | null };
    innerWidth: number;
  };
  const region = document.querySelector('.table-scroll');
  return {
    page: document.scrollingElement.scrollWidth - innerWidth,
    table: region ? region.scrollWidth - region.clientWidth : 0,
  };
}

// Unique per run, so the suite also passes against a server that has seen earlier runs.
const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const eventName = `Admin Tables Festival of Rather Long Names ${stamp}`;
let organizer: FreshAccount;
let buyer: FreshAccount;

test.describe.configure({ mode: 'serial' });

test('an organizer publishes an event and a buyer with a long name and address buys', async ({ request }) => {
  organizer = await registerAccount(request, 'organizer', `Ottilie Organizer ${stamp}`, `adm-org-${stamp}`);
  buyer = await registerAccount(
    request,
    'customer',
    `Maximiliane Oberhollenzer-Wittgenstein ${stamp}`,
    `adm-buyer-with-a-long-address-${stamp}`,
  );
  const created = await request.post('/api/events', {
    headers: bearer(organizer.token),
    data: {
      name: eventName,
      startsAt: new Date(Date.now() + 20 * 86_400_000).toISOString(),
      capacity: 50,
      ticketTypes: [{ name: 'Standard', price: 35, limit: 50 }],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const event = (await created.json()) as { id: string; ticketTypes: { id: string }[] };
  const published = await request.post(`/api/events/${event.id}/publish`, {
    headers: bearer(organizer.token),
  });
  expect(published.status(), await published.text()).toBe(200);
  await buyTickets(request, buyer.token, event.id, [{ ticketTypeId: event.ticketTypes[0]!.id, quantity: 2 }]);
});

test('the admin audit log and orders fit a laptop and a phone, and name who acted', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/login?next=%2Fadmin');
  await logIn(page, demoAccount('admin'));
  await expect(page).toHaveURL(/\/admin$/);

  const pages = [
    {
      name: 'audit-log',
      // The buyer's own entries, newest first: order paid, order placed, signed up.
      url: `/admin/audit-log?actor=${encodeURIComponent(buyer.email)}`,
      region: page.getByRole('region', { name: 'Audit log' }),
      rows: 3,
      shows: ['Order placed', 'Order paid', 'Signed up', eventName],
    },
    {
      name: 'orders',
      url: `/admin/orders?event=${encodeURIComponent(stamp)}`,
      region: page.getByRole('region', { name: 'Orders' }),
      rows: 1,
      shows: [eventName, 'Paid'],
    },
  ];

  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 800 });
    for (const { name, url, region, rows, shows } of pages) {
      await page.goto(url);
      // Every row names the buyer: who acted in the log, who bought in the orders.
      const bodyRows = region.locator('tbody tr');
      await expect(bodyRows).toHaveCount(rows);
      for (const row of await bodyRows.all()) {
        await expect(row).toContainText(buyer.name);
        await expect(row).toContainText(buyer.email);
      }
      for (const text of shows) await expect(region).toContainText(text);
      // Neither the page nor the table itself scrolls sideways.
      const reach = await page.evaluate(overflow);
      expect(reach.page, `${name} at ${width} px: the page is wider than the window`).toBeLessThanOrEqual(0);
      expect(reach.table, `${name} at ${width} px: the table is wider than its box`).toBeLessThanOrEqual(0);
      // On a phone each row is a card; on a laptop a table row.
      const display = await bodyRows
        .first()
        .evaluate(
          (tr) =>
            (globalThis as unknown as { getComputedStyle(e: unknown): { display: string } }).getComputedStyle(
              tr,
            ).display,
        );
      expect(display, `${name} at ${width} px`).toBe(width === 375 ? 'block' : 'table-row');
      await snapshot(page, `admin-${name}-${width}`);
    }
  }
});
