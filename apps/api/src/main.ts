import { mkdirSync } from 'node:fs';
import path from 'node:path';
import closeWithGrace from 'close-with-grace';
import { migrateToLatest, openDatabase, systemClock } from '@eventhub/core';
import { buildApp } from './app';
import { bootstrapAccounts } from './bootstrap-accounts';
import { ConfigError, loadConfig, type Config } from './config';
import type { AppContext } from './context';
import { resolveSecrets } from './local-secrets';
import { mountWeb, webBuildExists } from './web';

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

const config = readConfig();
const secrets = resolveSecrets(config);
mkdirSync(config.dataDir, { recursive: true });
const database = openDatabase({
  databaseUrl: config.databaseUrl,
  sqliteFile: path.join(config.dataDir, 'eventhub.sqlite'),
});
await migrateToLatest(database.db);

const ctx: AppContext = {
  db: database.db,
  engine: database.engine,
  clock: systemClock,
  config,
  auth: {
    jwtSecret: new TextEncoder().encode(secrets.jwtSecret),
    issuer: config.jwtIssuer,
    audience: config.jwtAudience,
    accessTokenTtlSeconds: config.accessTokenTtlSeconds,
    refreshIdleTtlSeconds: config.refreshIdleTtlSeconds,
    sessionTtlSeconds: config.sessionTtlSeconds,
  },
};

const app = await buildApp(ctx);
app.addHook('onClose', async () => database.close());
const demoAccounts = await bootstrapAccounts(ctx, config, (m) => app.log.info(m));

const dev = process.env.EVENTHUB_DEV === '1';
if (config.serveWeb) {
  if (dev || webBuildExists()) await mountWeb(app, { dev });
  else app.log.warn('Web app not built (run `npm run build`); serving the API only');
}

await app.listen({ port: config.port, host: config.host });

const lines = [
  '',
  `EventHub is running at ${config.publicUrl}  (${database.engine}${database.engine === 'sqlite' ? `, ${config.dataDir}` : ''})`,
  `  API docs:  ${config.publicUrl}/api/docs`,
];
if (demoAccounts.length > 0) {
  lines.push('  Demo accounts (local demo mode only):');
  for (const a of demoAccounts) lines.push(`    ${a.role.padEnd(9)} ${a.email.padEnd(32)} ${a.password}`);
}
console.log(lines.join('\n') + '\n');

closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  if (err) app.log.error({ err }, 'shutting down after an error');
  else app.log.info({ signal }, 'shutting down');
  await app.close();
});
