import { expect, type Browser, type Page } from '@playwright/test';
import { demoAccount, logIn } from './demo-accounts';

/**
 * A link from a mail of the local dev mailbox (/account/mailbox), read as a person would: in the
 * mailbox page, as the demo admin (who sees every message, so a guest or a user locked out of
 * their account can be served too). Mail goes out in the background: the list is refreshed until
 * a message to `to` holds a link matching `pattern`.
 */
export async function mailedLink(browser: Browser, to: string, pattern: RegExp): Promise<string> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto('/login?next=%2Faccount%2Fmailbox');
    await logIn(page, demoAccount('admin'));
    await expect(page.getByRole('heading', { level: 1, name: 'Mailbox' })).toBeVisible();
    let link: string | null = null;
    await expect(async () => {
      link = await findLink(page, to, pattern);
      expect(link, `a mail to ${to} with a link like ${pattern}`).not.toBeNull();
    }).toPass({ timeout: 30_000, intervals: [500, 1000, 2000] });
    return link!;
  } finally {
    await context.close();
  }
}

/** Opens each listed message to `to`, newest first, until one holds a link like `pattern`. */
async function findLink(page: Page, to: string, pattern: RegExp): Promise<string | null> {
  await page.getByRole('button', { name: 'Refresh' }).click();
  const entries = page
    .getByRole('list', { name: 'Messages' })
    .getByRole('listitem')
    .filter({ hasText: `to ${to}` });
  const count = await entries.count();
  for (let i = 0; i < count; i += 1) {
    const open = entries.nth(i).getByRole('button');
    await open.click();
    // Rendered for this entry (not the one opened before), then loaded.
    await expect(open).toHaveAttribute('aria-pressed', 'true');
    const text = page.getByTestId('mail-message').locator('pre.mail-text');
    await expect(text).toBeVisible();
    const found = (await text.textContent())?.match(pattern)?.[0];
    if (found) return found;
  }
  return null;
}
