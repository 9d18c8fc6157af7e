import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Download } from '@playwright/test';
import { bearer, registerAccount, type FreshAccount } from '../support/api-accounts';
import { logIn } from '../support/demo-accounts';
import { snapshot } from '../support/snapshot';

// Unique per run, so the suite also passes against a server that has seen earlier runs.
const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const eventName = `Invoice Summit ${stamp}`;
const guest = { name: `Ida Invoice ${stamp}`, email: `ida.${stamp}@example.com` };
const friend = `Bo Billing ${stamp}`;
// A fresh organizer: their first invoice of the year is 00001, its credit note 00002.
const invoiceNumber = new RegExp(`^EVT-${new Date().getFullYear()}-00001$`);
const creditNoteNumber = new RegExp(`^EVT-${new Date().getFullYear()}-00002$`);

/** A draft in euros with one €119 tier, no invoicing and no tax rate yet: the editor sets those. */
async function draftEvent(request: APIRequestContext, organizer: FreshAccount): Promise<string> {
  const created = await request.post('/api/events', {
    headers: bearer(organizer.token),
    data: {
      name: eventName,
      startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      timezone: 'Europe/Berlin',
      currency: 'EUR',
      capacity: 50,
      venue: { name: 'Hall I', city: 'Berlin', country: 'DE' },
      ticketTypes: [{ name: 'Delegate', price: 119, limit: 50 }],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

/** A downloaded PDF: the name it is saved under, and that it is one. */
async function expectPdf(download: Download, number: RegExp): Promise<void> {
  expect(download.suggestedFilename()).toMatch(new RegExp(`${number.source.slice(1, -1)}\\.pdf$`));
  expect(
    readFileSync(await download.path())
      .subarray(0, 5)
      .toString('latin1'),
  ).toBe('%PDF-');
}

// A journey through the organizer's and a guest's pages on a machine that may be busy.
test.describe.configure({ timeout: 240_000 });

test('an organizer invoices an event at 19 % VAT; a guest gives billing details, pays and downloads the invoice; refunding one ticket issues a credit note', async ({
  browser,
  request,
}) => {
  const organizer = await registerAccount(request, 'organizer', `Ines Organizer ${stamp}`, stamp);
  const eventId = await draftEvent(request, organizer);
  const organizerContext = await browser.newContext({ acceptDownloads: true });
  const guestContext = await browser.newContext({ acceptDownloads: true });
  try {
    // Invoicing needs the business profile first: the editor says so and links to it.
    const org = await organizerContext.newPage();
    await org.goto(`/login?next=${encodeURIComponent(`/organizer/events/${eventId}`)}`);
    await logIn(org, organizer);
    await expect(org.getByRole('heading', { level: 1, name: eventName })).toBeVisible();
    const details = org.getByRole('form', { name: 'Details' });
    await details.getByLabel('Invoices', { exact: true }).selectOption('required');
    await details.getByRole('button', { name: 'Save details' }).click();
    await expect(details.getByText('Fill in the business profile')).toBeVisible();
    await snapshot(org, 'event-profile-required');
    await details.getByRole('link', { name: 'Open your business profile' }).click();

    // The profile: a VAT id with a wrong check digit is refused next to its field.
    await expect(org.getByRole('heading', { level: 1, name: 'Business profile' })).toBeVisible();
    const profile = org.getByRole('form', { name: 'Business profile' });
    await profile.getByLabel('Legal name').fill(`Ines Events GmbH ${stamp}`);
    await profile.getByLabel('Street and number').fill('Invalidenstraße 117');
    await profile.getByLabel('Postal code').fill('10115');
    await profile.getByLabel('City', { exact: true }).fill('Berlin');
    await profile.getByLabel('Country', { exact: true }).selectOption('DE');
    await profile.getByLabel('VAT id (optional)').fill('DE136695977');
    await profile.getByLabel('Invoice number prefix (optional)').fill('EVT');
    await profile.getByLabel('Invoice footer (optional)').fill('IBAN DE02 1203 0000 0000 2020 51');
    await profile.getByRole('button', { name: 'Save profile' }).click();
    const vatId = profile.getByLabel('VAT id (optional)');
    await expect(vatId).toHaveAttribute('aria-invalid', 'true');
    await expect(profile.getByText('is not a valid VAT id for DE')).toBeVisible();
    await vatId.fill('DE136695976');
    await profile.getByRole('button', { name: 'Save profile' }).click();
    await expect(profile.getByText('Business profile saved.')).toBeVisible();
    await expect(vatId).not.toHaveAttribute('aria-invalid', 'true');
    await snapshot(org, 'business-profile');

    // Now invoicing goes on, and the tier gets its 19 % (prices include tax, the default).
    await org.goto(`/organizer/events/${eventId}`);
    await details.getByLabel('Invoices', { exact: true }).selectOption('required');
    await expect(details.getByLabel('Ticket prices include tax')).toBeChecked();
    await details.getByRole('button', { name: 'Save details' }).click();
    await expect(details.getByText('Details saved.')).toBeVisible();
    const tier = org.getByTestId('tier-Delegate');
    await tier.getByRole('button', { name: 'Edit Delegate' }).click();
    await tier.getByLabel('Tax rate (%)').fill('19');
    await tier.getByRole('button', { name: 'Save ticket type' }).click();
    await expect(tier).toContainText('incl. 19 % VAT');
    const published = await request.post(`/api/events/${eventId}/publish`, {
      headers: bearer(organizer.token),
    });
    expect(published.status(), await published.text()).toBe(200);

    // A guest buys two tickets; checkout will not go on without the required billing details.
    const buyer = await guestContext.newPage();
    await buyer.goto(`/events/${eventId}`);
    await expect(buyer.getByTestId('ticket-tier')).toContainText('incl. 19 % VAT');
    await buyer.getByRole('button', { name: 'One more Delegate ticket' }).click();
    await buyer.getByRole('button', { name: 'One more Delegate ticket' }).click();
    await buyer.getByRole('group', { name: 'Ticket 2: Delegate' }).getByLabel('Name').fill(friend);
    await buyer.getByRole('button', { name: 'Continue as guest' }).click();
    await buyer.getByLabel('Your name').fill(guest.name);
    await buyer.getByLabel('Your email').fill(guest.email);
    await buyer.getByRole('button', { name: 'Reserve as guest' }).click();
    const billing = buyer.getByRole('group', { name: 'Billing details' });
    const billingName = billing.getByLabel('Name on the invoice');
    // The browser holds the form back: the invoice's name is required and still empty.
    await expect(billing.locator('#billing-name:invalid')).toHaveCount(1);
    await expect(buyer).toHaveURL(new RegExp(`/events/${eventId}$`));

    await billingName.fill(guest.name);
    await billing.getByLabel('Company (optional)').fill(`Ida Consulting ${stamp}`);
    await billing.getByLabel('Street and number').fill('Rue de Rivoli 1');
    await billing.getByLabel('Postal code').fill('75001');
    await billing.getByLabel('City', { exact: true }).fill('Paris');
    await billing.getByLabel('Country', { exact: true }).selectOption('FR');
    await expect(buyer.getByTestId('selection-total')).toHaveText('2 tickets · €238.00 incl. VAT');
    await snapshot(buyer, 'checkout-billing');
    await buyer.getByRole('button', { name: 'Reserve as guest' }).click();

    // The summary shows the VAT the total includes; the test provider charges the API's total.
    await expect(buyer).toHaveURL(/\/checkout\/[^/?]+$/);
    const orderId = new URL(buyer.url()).pathname.split('/').pop()!;
    await expect(buyer.getByTestId('order-tax')).toContainText('incl. 19 % VAT');
    await expect(buyer.getByTestId('order-tax')).toContainText('€38.00');
    await expect(buyer.getByTestId('order-total')).toContainText('€238.00');
    await snapshot(buyer, 'checkout-tax');
    await buyer.getByRole('button', { name: 'Pay now (test payment)' }).click();
    await expect(buyer.getByRole('heading', { level: 1, name: 'Payment received' })).toBeVisible();

    // The order's page lists the invoice; its link carries the order's token.
    await buyer.goto(`/orders/${orderId}`);
    const buyerInvoices = buyer.getByRole('region', { name: 'Invoices' });
    const invoiceRow = buyerInvoices.getByTestId('invoice-invoice');
    await expect(invoiceRow.locator('code')).toHaveText(invoiceNumber);
    await expect(invoiceRow).toContainText('€238.00');
    await expect(invoiceRow).toContainText('incl. €38.00 VAT');
    const invoiceLink = invoiceRow.getByRole('link', { name: /^PDF of EVT-/ });
    const href = (await invoiceLink.getAttribute('href'))!;
    expect(href).toMatch(/^\/api\/invoices\/[^/?]+\.pdf\?token=[\w-]+$/);
    const downloading = buyer.waitForEvent('download');
    await invoiceLink.click();
    await expectPdf(await downloading, invoiceNumber);
    // The link alone opens it (as from another device); without the token it does not.
    const byLink = await request.get(href);
    expect(byLink.status()).toBe(200);
    expect(byLink.headers()['content-type']).toBe('application/pdf');
    expect((await request.get(href.split('?')[0]!)).status()).not.toBe(200);
    await snapshot(buyer, 'order-invoice');

    // The organizer refunds the friend's ticket: a credit note for exactly that line.
    await org.goto(`/account/orders/${orderId}`);
    await expect(org.getByRole('heading', { level: 1, name: eventName })).toBeVisible();
    await expect(org.getByRole('region', { name: 'Invoices' }).getByTestId('invoice-invoice')).toBeVisible();
    await org.getByRole('checkbox', { name: new RegExp(friend) }).check();
    await org.getByRole('button', { name: 'Refund selected tickets (1)' }).click();
    await org.getByRole('button', { name: 'Yes, refund' }).click();
    await expect(org.getByTestId('order-notice')).toContainText('for 1 ticket');
    const orgCreditNote = org.getByRole('region', { name: 'Invoices' }).getByTestId('invoice-credit_note');
    await expect(orgCreditNote.locator('code')).toHaveText(creditNoteNumber);

    // The buyer sees the credit note on their order's page, and can download it.
    await buyer.reload();
    const creditRow = buyerInvoices.getByTestId('invoice-credit_note');
    await expect(creditRow.locator('code')).toHaveText(creditNoteNumber);
    await expect(creditRow).toContainText('119.00');
    await expect(creditRow).toContainText('Credit note');
    const creditDownload = buyer.waitForEvent('download');
    await creditRow.getByRole('link', { name: /^PDF of EVT-/ }).click();
    await expectPdf(await creditDownload, creditNoteNumber);
    await snapshot(buyer, 'order-credit-note');

    // The organizer's invoice list: both documents, a date filter, the CSV and a PDF.
    await org.goto('/organizer');
    await org.getByRole('link', { name: 'Invoices', exact: true }).click();
    await expect(org.getByRole('heading', { level: 1, name: 'Invoices' })).toBeVisible();
    await expect(org.getByText('2 documents found.')).toBeVisible();
    const table = org.getByRole('region', { name: 'Invoices and credit notes' });
    const rows = table.getByRole('row');
    await expect(rows.filter({ hasText: 'Credit note' })).toContainText(`Ida Consulting ${stamp}`);
    await expect(rows.filter({ hasText: /EVT-\d{4}-00001/ })).toContainText('€38.00');
    const pdf = org.waitForEvent('download');
    await rows
      .filter({ hasText: /EVT-\d{4}-00001/ })
      .getByRole('button', { name: /^PDF of EVT-/ })
      .click();
    await expectPdf(await pdf, invoiceNumber);
    const csvDownload = org.waitForEvent('download');
    await org.getByRole('button', { name: 'Invoices CSV' }).click();
    const csv = readFileSync(await (await csvDownload).path(), 'utf8');
    expect(csv).toMatch(/EVT-\d{4}-00001/);
    expect(csv).toMatch(/EVT-\d{4}-00002/);
    await snapshot(org, 'organizer-invoices');

    await org.getByLabel('Issued from').fill('2000-01-01');
    await org.getByLabel('Issued until').fill('2000-01-31');
    await org.getByRole('button', { name: 'Filter' }).click();
    await expect(org).toHaveURL(/from=2000-01-01/);
    await expect(org.getByText('0 documents found.')).toBeVisible();
  } finally {
    await organizerContext.close();
    await guestContext.close();
  }
});
