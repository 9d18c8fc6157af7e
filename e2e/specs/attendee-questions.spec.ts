import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { bearer, registerAccount, type FreshAccount } from '../support/api-accounts';
import { logIn } from '../support/demo-accounts';
import { snapshot } from '../support/snapshot';

// Unique per run, so the suite also passes against a server that has seen earlier runs.
const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const eventName = `Question Camp ${stamp}`;
const guest = { name: `Quinn Guest ${stamp}`, email: `quinn.${stamp}@example.com` };
const friend = `Fran Friend ${stamp}`;

async function publishEvent(request: APIRequestContext, organizer: FreshAccount): Promise<string> {
  const headers = bearer(organizer.token);
  const created = await request.post('/api/events', {
    headers,
    data: {
      name: eventName,
      startsAt: new Date(Date.now() + 20 * 86_400_000).toISOString(),
      timezone: 'Europe/Berlin',
      currency: 'EUR',
      capacity: 50,
      venue: { name: 'Hall Q', city: 'Berlin', country: 'DE' },
      ticketTypes: [{ name: 'Camper', price: 40, limit: 50 }],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const published = await request.post(`/api/events/${id}/publish`, { headers });
  expect(published.status(), await published.text()).toBe(200);
  return id;
}

interface NewQuestion {
  label: string;
  kind: string;
  asked: 'Once per order' | 'For each attendee';
  required?: boolean;
  options?: string[];
  showAtCheckin?: boolean;
}

/** Adds one question through the event editor's questions form. */
async function addQuestion(page: Page, q: NewQuestion): Promise<void> {
  const form = page.getByRole('form', { name: 'Add a question' });
  await form.getByLabel('Question', { exact: true }).fill(q.label);
  await form.getByLabel('Kind').selectOption({ label: q.kind });
  await form.getByLabel('Asked').selectOption({ label: q.asked });
  if (q.options) await form.getByLabel('Options (one per line)').fill(q.options.join('\n'));
  if (q.required) await form.getByLabel('Required').check();
  if (q.showAtCheckin) await form.getByLabel('Show at check-in').check();
  await form.getByRole('button', { name: 'Add question' }).click();
  await expect(
    page.getByRole('list', { name: 'Questions' }).getByText(q.label, { exact: true }),
  ).toBeVisible();
}

// A journey through four roles' pages on a machine that may be busy.
test.describe.configure({ timeout: 240_000 });

test('an organizer asks three questions; a guest answers them; the order, the CSV and the door show them; a holder change voids the old code', async ({
  browser,
  request,
}) => {
  const organizer = await registerAccount(request, 'organizer', `Olga Organizer ${stamp}`, stamp);
  const eventId = await publishEvent(request, organizer);
  const organizerContext = await browser.newContext({ acceptDownloads: true });
  const guestContext = await browser.newContext();
  try {
    // The organizer asks: a required choice per attendee, a consent per order, a size shown at the door.
    const org = await organizerContext.newPage();
    await org.goto(`/login?next=${encodeURIComponent(`/organizer/events/${eventId}`)}`);
    await logIn(org, organizer);
    await expect(org.getByRole('heading', { level: 1, name: eventName })).toBeVisible();
    await addQuestion(org, {
      label: 'Dietary needs',
      kind: 'Single choice',
      asked: 'For each attendee',
      required: true,
      options: ['None', 'Vegetarian', 'Vegan'],
    });
    await addQuestion(org, {
      label: 'I accept the code of conduct',
      kind: 'Checkbox (consent)',
      asked: 'Once per order',
      required: true,
    });
    await addQuestion(org, {
      label: 'T-shirt size',
      kind: 'Single choice',
      asked: 'For each attendee',
      options: ['S', 'M', 'L'],
      showAtCheckin: true,
    });
    await snapshot(org, 'questions-editor');

    // A guest buys two tickets and answers.
    const buyer = await guestContext.newPage();
    await buyer.goto(`/events/${eventId}`);
    await buyer.getByRole('button', { name: 'One more Camper ticket' }).click();
    await buyer.getByRole('button', { name: 'One more Camper ticket' }).click();
    const first = buyer.getByRole('group', { name: 'Ticket 1: Camper' });
    const second = buyer.getByRole('group', { name: 'Ticket 2: Camper' });
    await first.getByLabel('Name', { exact: true }).fill(guest.name);
    await first.getByLabel('Dietary needs').selectOption('Vegan');
    await first.getByLabel('T-shirt size (optional)').selectOption('M');
    await second.getByLabel('Name', { exact: true }).fill(friend);
    await second.getByLabel('Email', { exact: true }).fill(`fran.${stamp}@example.com`);
    await second.getByLabel('Dietary needs').selectOption('None');
    await second.getByLabel('T-shirt size (optional)').selectOption('L');
    await buyer
      .getByRole('group', { name: 'About your order' })
      .getByLabel('I accept the code of conduct')
      .check();
    await buyer.getByRole('button', { name: 'Continue as guest' }).click();
    await buyer.getByLabel('Your name').fill(guest.name);
    await buyer.getByLabel('Your email').fill(guest.email);
    await snapshot(buyer, 'checkout-questions');
    await buyer.getByRole('button', { name: 'Reserve as guest' }).click();
    await expect(buyer).toHaveURL(/\/checkout\/[^/?]+$/);
    const orderId = new URL(buyer.url()).pathname.split('/').pop()!;
    await buyer.getByRole('button', { name: 'Pay now (test payment)' }).click();
    await expect(buyer.getByRole('heading', { level: 1, name: 'Payment received' })).toBeVisible();

    const ticketsOf = async () => {
      const res = await request.get(`/api/orders/${orderId}/tickets`, { headers: bearer(organizer.token) });
      expect(res.status(), await res.text()).toBe(200);
      return (await res.json()) as { id: string; holderName: string; code: string }[];
    };
    const issued = await ticketsOf();
    const guestCode = issued.find((t) => t.holderName === guest.name)!.code;
    const friendTicket = issued.find((t) => t.holderName === friend)!;

    // The organizer sees the answers on the order, and in the attendees CSV.
    await org.goto(`/account/orders/${orderId}`);
    await expect(org.getByRole('heading', { level: 1, name: eventName })).toBeVisible();
    const orderAnswers = org.getByTestId('order-answers');
    await expect(orderAnswers).toContainText('I accept the code of conduct');
    const tickets = org.getByRole('list', { name: 'Tickets' });
    await expect(tickets.getByRole('listitem').filter({ hasText: guest.name })).toContainText('Vegan');
    await expect(tickets.getByRole('listitem').filter({ hasText: friend })).toContainText('L');
    await snapshot(org, 'order-answers');

    await org.goto(`/organizer/events/${eventId}/analytics`);
    const download = org.waitForEvent('download');
    await org.getByRole('button', { name: 'Attendees CSV' }).click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    const [header, ...rows] = csv.trim().split('\r\n');
    expect(header).toContain('Dietary needs,I accept the code of conduct,T-shirt size');
    expect(rows.find((r) => r.includes(guest.name))).toMatch(/,Vegan,yes,M$/);
    expect(rows.find((r) => r.includes(friend))).toMatch(/,None,yes,L$/);
    await expect(org.getByRole('region', { name: 'Questions' })).toContainText('Dietary needs');

    // At the door, the scanner shows the size asked to be shown at check-in.
    await org.goto(`/scanner?event=${eventId}`);
    await expect(org.getByRole('heading', { level: 1, name: eventName })).toBeVisible();
    const code = org.getByLabel('Ticket code');
    const checkIn = org.getByRole('button', { name: 'Check in' });
    const result = org.getByTestId('scan-result');
    await code.fill(guestCode);
    await checkIn.click();
    await expect(result).toContainText('VALID');
    await expect(org.getByTestId('scan-answers')).toContainText('T-shirt size');
    await expect(org.getByTestId('scan-answers')).toContainText('M');
    await expect(org.getByTestId('scan-answers')).not.toContainText('Dietary needs');
    await snapshot(org, 'scanner-answers');

    // The guest passes the second ticket on: its old code stops working at the door.
    await buyer.goto(`/orders/${orderId}`);
    const guestTickets = buyer.getByRole('list', { name: 'Tickets' });
    const passed = guestTickets.getByRole('listitem').filter({ hasText: friend });
    await passed.getByRole('button', { name: /Change holder/ }).click();
    await passed.getByLabel("New holder's name").fill(`Nia New ${stamp}`);
    await passed.getByRole('button', { name: 'Save holder' }).click();
    await expect(guestTickets.getByRole('listitem').filter({ hasText: `Nia New ${stamp}` })).toHaveCount(1);

    await code.fill(friendTicket.code);
    await checkIn.click();
    await expect(result).toContainText('VOID');
    const reissued = (await ticketsOf()).find((t) => t.id === friendTicket.id)!;
    expect(reissued.code).not.toBe(friendTicket.code);
    await code.fill(reissued.code);
    await checkIn.click();
    await expect(result).toContainText('VALID');
    await expect(result).toContainText(`Nia New ${stamp}`);
  } finally {
    await organizerContext.close();
    await guestContext.close();
  }
});
