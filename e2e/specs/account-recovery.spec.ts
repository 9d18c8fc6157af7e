import { expect, test } from '@playwright/test';
import { registerAccount } from '../support/api-accounts';
import { logIn } from '../support/demo-accounts';
import { mailedLink } from '../support/mailbox';

// Unique per run, so the suite also passes against a server that has seen earlier runs.
const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

// Long journeys through several pages and the mailbox, on a machine that may be busy.
test.describe.configure({ timeout: 180_000 });

test('a user resets a forgotten password through the mailed link and logs in with the new one', async ({
  page,
  browser,
  request,
}) => {
  const account = await registerAccount(request, 'customer', `Rita Reset ${stamp}`, `reset${stamp}`);
  const newPassword = `Fresh-${stamp}-Passphrase`;

  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel('Email').fill(account.email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByTestId('forgot-password-sent')).toContainText(account.email);

  const link = await mailedLink(browser, account.email, /https?:\/\/\S+\/reset-password\?token=[\w%-]+/);
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByLabel('Repeat the new password').fill(newPassword);
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByTestId('reset-done')).toBeVisible();

  await page.getByRole('link', { name: 'Log in with your new password' }).click();
  await expect(page).toHaveURL(/\/login$/);
  // The old password no longer opens the account; the new one does.
  await logIn(page, { email: account.email, password: account.password });
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(/wrong email or password/i);
  await logIn(page, { email: account.email, password: newPassword });
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('main').getByText(account.email)).toBeVisible();

  // The link works once.
  await page.goto(link);
  await page.getByLabel('New password', { exact: true }).fill(`${newPassword}-again`);
  await page.getByLabel('Repeat the new password').fill(`${newPassword}-again`);
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByText('This reset link has expired or was already used.')).toBeVisible();
});

test('a new user verifies the address from the sign-up mail and the account page says so', async ({
  page,
  request,
}) => {
  const account = await registerAccount(request, 'customer', `Vera Verify ${stamp}`, `verify${stamp}`);
  await page.goto('/login?next=%2Faccount');
  await logIn(page, account);
  await expect(page).toHaveURL(/\/account$/);
  const state = page.getByTestId('email-verified-state');
  await expect(state).toHaveText('Not verified');
  await page.getByRole('button', { name: 'Send verification e-mail' }).click();
  await expect(page.getByText(/Sent\. Open the link we e-mailed/)).toBeVisible();

  // The user's own mailbox (local mode) holds the link.
  await page.getByRole('link', { name: 'Mailbox (local demo)' }).click();
  const entry = page
    .getByRole('list', { name: 'Messages' })
    .getByRole('listitem')
    .filter({ hasText: 'Confirm your e-mail address' })
    .first();
  await expect(async () => {
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(entry).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await entry.getByRole('button').click();
  const text = (await page.getByTestId('mail-message').locator('pre.mail-text').textContent()) ?? '';
  const link = text.match(/https?:\/\/\S+\/verify-email\?token=[\w%-]+/)?.[0];
  expect(link, text).toBeTruthy();

  await page.goto(link!);
  await expect(page.getByTestId('email-verified')).toContainText(account.email);
  await page.goto('/account');
  await expect(state).toHaveText('Verified');
  await expect(page.getByRole('button', { name: 'Send verification e-mail' })).toBeHidden();
});
