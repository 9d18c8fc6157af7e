import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { demoAccount, logIn } from '../support/demo-accounts';
import { naturalWidth } from '../support/images';

/** "2026-03-14" for a day some weeks ahead, as a datetime-local input wants its date part. */
function futureDay(daysAhead: number): string {
  return new Date(Date.now() + daysAhead * 86_400_000).toISOString().slice(0, 10);
}

// Unique per run, so the suite also passes against a server that has seen earlier runs.
const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const eventName = `Tech Conference 2025 ${stamp}`;
const day = futureDay(60);
const tiers = [
  { name: 'Early Bird', price: '299', limit: '100', shown: '$299.00' },
  { name: 'Regular', price: '399', limit: '300', shown: '$399.00' },
  { name: 'VIP', price: '599', limit: '50', shown: '$599.00' },
];
let eventPath = '';

// The visitor and the admin look at the event the organizer publishes first.
test.describe.configure({ mode: 'serial' });

test('an organizer creates, fills and publishes an event', async ({ page }) => {
  await page.goto('/login?next=%2Forganizer');
  await logIn(page, demoAccount('organizer'));
  await expect(page).toHaveURL(/\/organizer$/);
  await page.getByRole('link', { name: 'New event' }).click();
  await expect(page).toHaveURL(/\/organizer\/events\/new$/);

  await page.getByLabel('Event name').fill(eventName);
  await page.getByLabel('Description').fill('Two days of talks.\nWorkshops on day two.');
  await page.getByLabel('Starts', { exact: true }).fill(`${day}T09:00`);
  await page.getByLabel('Ends', { exact: true }).fill(`${day}T17:30`);
  await page.getByLabel('Time zone').selectOption('Europe/Berlin');
  await page.getByLabel('Venue name').fill('Convention Center');
  await page.getByLabel('City', { exact: true }).fill('Berlin');
  await page.getByLabel('Country', { exact: true }).selectOption('DE');
  await page.getByLabel('Capacity', { exact: true }).fill('500');
  await page.getByRole('button', { name: 'Create event' }).click();

  // The editor of the new event, not the form's own /organizer/events/new.
  await expect(page).toHaveURL(/\/organizer\/events\/(?!new$)[^/]+$/);
  eventPath = new URL(page.url()).pathname.replace('/organizer', '');
  await expect(page.getByRole('heading', { level: 1, name: eventName })).toBeVisible();
  await expect(page.getByText('Draft', { exact: true })).toBeVisible();

  const tierSection = page.getByRole('region', { name: 'Ticket types' });
  for (const tier of tiers) {
    await tierSection.getByLabel('Ticket name').fill(tier.name);
    await tierSection.getByLabel('Price').fill(tier.price);
    await tierSection.getByLabel('Tickets available').fill(tier.limit);
    await tierSection.getByRole('button', { name: 'Add ticket type' }).click();
    await expect(tierSection.getByText(`${tier.name} added.`)).toBeVisible();
    await expect(tierSection.getByTestId(`tier-${tier.name}`)).toContainText(tier.shown);
  }

  const promoSection = page.getByRole('region', { name: 'Promo codes' });
  await promoSection.getByLabel('Code', { exact: true }).fill('EARLY25');
  await promoSection.getByLabel('Percent off').fill('25');
  await promoSection.getByRole('button', { name: 'Add promo code' }).click();
  await expect(promoSection.getByTestId('promo-EARLY25')).toContainText('25 % off');

  // A file that only claims to be a PNG is refused by its content, with the API's reason shown.
  const imageInput = page.getByLabel('Event image');
  await imageInput.setInputFiles({
    name: 'not-a-picture.png',
    mimeType: 'image/png',
    buffer: Buffer.from('hello'),
  });
  await page.getByRole('button', { name: 'Upload image' }).click();
  await expect(page.getByText('The image must be a JPEG, PNG or WebP image.')).toBeVisible();
  await expect(imageInput).toHaveAttribute('aria-invalid', 'true');

  const png = await sharp({ create: { width: 640, height: 360, channels: 3, background: '#2a6f97' } })
    .png()
    .toBuffer();
  await imageInput.setInputFiles({ name: 'cover.png', mimeType: 'image/png', buffer: png });
  await page.getByRole('button', { name: 'Upload image' }).click();
  await expect(page.getByText('Image uploaded.')).toBeVisible();
  const current = page.getByTestId('current-image');
  await expect(current).toBeVisible();
  await expect.poll(() => current.evaluate(naturalWidth)).toBe(640);

  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByRole('button', { name: 'Yes, publish' }).click();
  await expect(page.getByText('The event is published')).toBeVisible();
  await expect(page.getByText('Published', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Unpublish', exact: true })).toBeVisible();
});

test('an anonymous visitor finds the event and opens its page', async ({ browser }) => {
  expect(eventPath, 'the organizer journey ran first').not.toBe('');
  // A fresh context: nothing shared with the organizer's session.
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('searchbox', { name: 'Search' }).fill(eventName);
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/[?&]q=/);
    await expect(page.getByRole('status')).toHaveText('1 event found.');

    const card = page.getByRole('link', { name: eventName });
    await expect(card).toBeVisible();
    await expect(page.getByRole('list', { name: 'Events' })).toContainText('from $299.00');
    await card.click();

    await expect(page).toHaveURL(new RegExp(`${eventPath}$`));
    await expect(page.getByRole('heading', { level: 1, name: eventName })).toBeVisible();
    // 09:00 on the wall clock in Berlin, whatever zone the browser is in. (Intl puts narrow and
    // thin spaces around "AM" and the dash, hence \s.)
    await expect(page.locator('hgroup time')).toHaveText(/9:00\sAM\s–\s5:30\sPM\s(CET|CEST)$/);
    await expect(page.getByText('Two days of talks.')).toBeVisible();

    const tierList = page.getByRole('list', { name: 'Ticket types' });
    await expect(tierList.getByRole('listitem')).toHaveCount(3);
    for (const tier of tiers) {
      const item = tierList.getByRole('listitem').filter({ hasText: tier.name });
      await expect(item).toContainText(tier.shown);
    }
    // Anyone may choose tickets; a visitor logs in or continues as a guest (checkout.spec.ts, guest-checkout.spec.ts).
    await expect(page.getByRole('button', { name: 'Log in to reserve' })).toBeEnabled();
    await expect(page.getByRole('button', { name: 'Continue as guest' })).toBeEnabled();

    const hero = page.locator('img.event-hero');
    await expect(hero).toBeVisible();
    await expect.poll(() => hero.evaluate(naturalWidth)).toBeGreaterThan(0);

    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', eventName);
    await expect(page.locator('meta[property="og:image"]')).toHaveAttribute(
      'content',
      new RegExp(`^https?://[^/]+/api${eventPath}/image\\?v=`),
    );
    await expect(page).toHaveTitle(`${eventName} · EventHub`);
  } finally {
    await context.close();
  }
});

test('an admin unpublishes the event, which then leaves the public site', async ({ page }) => {
  expect(eventPath, 'the organizer journey ran first').not.toBe('');
  await page.goto('/login?next=%2Fadmin%2Fevents');
  await logIn(page, demoAccount('admin'));
  await expect(page).toHaveURL(/\/admin\/events$/);

  await page.getByRole('searchbox', { name: 'Search' }).fill(stamp);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/[?&]q=/);
  const row = page.getByTestId(`admin-event-${eventPath.split('/').pop()}`);
  await expect(row).toContainText('Published');
  await expect(row).toContainText('organizer@');
  await row.getByRole('button', { name: 'Unpublish' }).click();
  await row.getByRole('button', { name: 'Yes, unpublish' }).click();
  await expect(row).toContainText('Draft');

  const response = await page.request.get(eventPath);
  expect(response.status()).toBe(404);
});
