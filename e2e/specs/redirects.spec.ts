import { expect, test, type Page } from '@playwright/test';
import { registerAccount, type FreshAccount } from '../support/api-accounts';
import { logIn } from '../support/demo-accounts';

// Unique per run, so the suite also passes against a server that has seen earlier runs.
const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
let account: FreshAccount;

/** Where the page has settled: our own origin, and which path. */
async function expectOnOurSite(page: Page, path: string): Promise<void> {
  const origin = new URL(test.info().project.use.baseURL!).origin;
  await expect(page).toHaveURL(`${origin}${path}`);
  expect(new URL(page.url()).origin).toBe(origin);
}

test.beforeAll(async ({ request }) => {
  // A fresh account: this spec spends none of the demo accounts' login budget.
  account = await registerAccount(request, 'customer', `Rene Redirect ${stamp}`, `redirect-${stamp}`);
});

test('logging in never follows a next parameter off the site', async ({ page }) => {
  // Browsers drop the tab: "/\t/example.org" is "//example.org", another site.
  await page.goto('/login?next=/%09/example.org');
  await logIn(page, account);
  await expectOnOurSite(page, '/');
  await expect(page.getByRole('banner').getByText(account.name)).toBeVisible();

  // The other forms are the unit tests' (apps/web/test/safe-redirect.test.ts); logins are rate limited.
  await page.goto('/login?next=%2F%2Fexample.org');
  await logIn(page, account);
  await expectOnOurSite(page, '/');
});

test('logging in follows a next path on the site', async ({ page }) => {
  await page.goto('/login?next=/account/orders');
  await logIn(page, account);
  await expectOnOurSite(page, '/account/orders');
  await expect(page.getByRole('heading', { level: 1, name: 'Your orders' })).toBeVisible();
});

test('signing up follows the same rule, and the login page passes next on to it', async ({ page }) => {
  const signUp = async (who: string) => {
    await page.getByLabel('Name').fill(`${who} ${stamp}`);
    await page.getByLabel('Email').fill(`${who.toLowerCase()}.${stamp}@example.com`);
    await page.getByLabel('Password').fill(`Tickets-${stamp}-Please`);
    await page.getByRole('button', { name: 'Sign up' }).click();
  };

  await page.goto('/login?next=%2Faccount%2Forders');
  await page.getByRole('link', { name: 'Create an account' }).click();
  await expect(page).toHaveURL(/\/signup\?next=%2Faccount%2Forders$/);
  await signUp('Sid');
  await expectOnOurSite(page, '/account/orders');

  await page.getByRole('banner').getByRole('button', { name: 'Log out' }).click();
  await page.goto('/signup?next=/%09/example.org');
  await signUp('Sue');
  await expectOnOurSite(page, '/');
});
