import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureAdmin, seedDemoAccounts, type DemoAccount } from '@eventhub/core';
import { eventDeps, type AppContext } from './context';

/**
 * Start-up accounts: the deployment's first admin from ADMIN_EMAIL/ADMIN_PASSWORD (never
 * overwritten), and in local demo mode one demo account per role, kept in DATA_DIR so every
 * start can print them. Production never gets demo accounts.
 */
export async function bootstrapAccounts(
  ctx: AppContext,
  log: (message: string) => void,
): Promise<DemoAccount[]> {
  const { config } = ctx;
  const deps = eventDeps(ctx);
  if (config.adminEmail && config.adminPassword) {
    const { created } = await ensureAdmin(deps, { email: config.adminEmail, password: config.adminPassword });
    log(
      created
        ? `Created admin ${config.adminEmail}`
        : `Admin ${config.adminEmail} already exists; left unchanged`,
    );
  }
  if (config.mode === 'production' || !config.demoSeed) return [];
  const file = path.join(config.dataDir, 'demo-accounts.json');
  const seeded = await seedDemoAccounts(deps);
  if (seeded) {
    writeFileSync(file, JSON.stringify(seeded, null, 2), { mode: 0o600 });
    return seeded;
  }
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DemoAccount[]) : [];
}
