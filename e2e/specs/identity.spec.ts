import { expect, test, type Page } from '@playwright/test';
import { demoAccount } from '../support/demo-accounts';

// Unique per run, so the suite also passes against a server that has seen earlier runs.
const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const visitor = {
  name: `Dana Visitor ${stamp}`,
  email: `dana.${stamp}@example.com`,
  password: `Tickets-${stamp}-Please`,
};

async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

// The second journey disables the account the first one creates.
test.describe.configure({ mode: 'serial' });

test('a visitor signs up, logs out and logs back in', async ({ page }) => {
  const header = page.getByRole('banner');

  await page.goto('/signup');
  await page.getByLabel('Name').fill(visitor.name);
  await page.getByLabel('Email').fill(visitor.email);
  await page.getByLabel('Password').fill(visitor.password);
  await page.getByLabel('I want to buy tickets').check();
  await page.getByRole('button', { name: 'Sign up' }).click();

  await expect(page).toHaveURL(/\/account$/);
  await expect(header.getByText(visitor.name)).toBeVisible();

  // The access token lives only in memory: a reload must restore the session from the cookie.
  await page.reload();
  await expect(header.getByText(visitor.name)).toBeVisible();

  await header.getByRole('button', { name: 'Log out' }).click();
  await expect(header.getByRole('link', { name: 'Log in' })).toBeVisible();
  await expect(header.getByText(visitor.name)).toBeHidden();

  await header.getByRole('link', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await logIn(page, visitor.email, visitor.password);

  await expect(page).toHaveURL(/\/account$/);
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: 'Your account' })).toBeVisible();
  await expect(main.getByText(visitor.email)).toBeVisible();
  await expect(main.getByText('Customer')).toBeVisible();
});

test('an admin disables the new account, which then cannot log in', async ({ page, browser }) => {
  const admin = demoAccount('admin');

  await page.goto('/login?next=%2Fadmin%2Fusers');
  await logIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();

  await page.getByRole('searchbox', { name: 'Search' }).fill(visitor.email);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/[?&]q=/);

  const row = page.getByTestId(`user-row-${visitor.email}`);
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: 'Disable', exact: true }).click();
  await row.getByRole('button', { name: 'Yes, disable' }).click();
  await expect(row.getByText('Disabled', { exact: true })).toBeVisible();
  await expect(row.getByRole('button', { name: 'Enable', exact: true })).toBeVisible();

  // A fresh context: no cookies shared with the admin's session.
  const context = await browser.newContext();
  try {
    const visitorPage = await context.newPage();
    await visitorPage.goto('/login');
    await logIn(visitorPage, visitor.email, visitor.password);
    await expect(visitorPage.getByRole('main').getByRole('alert')).toHaveText(
      /wrong email or password|disabled/i,
    );
    await expect(visitorPage).toHaveURL(/\/login$/);
  } finally {
    await context.close();
  }
});
