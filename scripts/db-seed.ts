// `npm run db:seed`: local demo data (one account per role, random passwords), the same the
// server seeds on its first local start. Refuses to run in production.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { nobodyListening, seedDemoAccounts, systemClock } from '@eventhub/core';
import { openConfiguredDatabase, readConfigOrExit } from '@eventhub/api';

const config = readConfigOrExit();
if (config.mode === 'production') {
  console.error('Refusing to seed demo data in production (NODE_ENV=production).');
  process.exit(1);
}
const database = await openConfiguredDatabase(config);
// Nothing listens to after-commit reports here: no server runs.
const accounts = await seedDemoAccounts({
  db: database.db,
  clock: systemClock,
  afterCommit: nobodyListening,
  uploadDir: config.uploadDir,
});
if (accounts) {
  writeFileSync(path.join(config.dataDir, 'demo-accounts.json'), JSON.stringify(accounts, null, 2), {
    mode: 0o600,
  });
  for (const a of accounts) console.log(`${a.role.padEnd(9)} ${a.email.padEnd(32)} ${a.password}`);
} else {
  console.log(`Demo data already present (accounts in ${path.join(config.dataDir, 'demo-accounts.json')}).`);
}
await database.close();
