import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

/** The shape of $DATA_DIR/demo-accounts.json, written by the server on its first local start. */
export interface DemoAccount {
  role: 'admin' | 'organizer' | 'customer' | 'staff';
  email: string;
  password: string;
  name: string;
}

export function demoAccount(role: DemoAccount['role']): DemoAccount {
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir) throw new Error('E2E_DATA_DIR is not set: run the browser tests with `node e2e/run.mjs`');
  const accounts = JSON.parse(readFileSync(join(dataDir, 'demo-accounts.json'), 'utf8')) as DemoAccount[];
  const account = accounts.find((a) => a.role === role);
  if (!account) throw new Error(`demo-accounts.json has no ${role} account`);
  return account;
}

/** Fills and submits the login form the page is showing. */
export async function logIn(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Log in' }).click();
}
