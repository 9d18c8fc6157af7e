import { join } from 'node:path';
import type { Page } from '@playwright/test';

/** With E2E_SCREENSHOTS=<dir>, keeps a full-page picture of the page for a look by eye. */
export async function snapshot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS;
  if (dir) await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}
