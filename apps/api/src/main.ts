import cluster from 'node:cluster';
import closeWithGrace from 'close-with-grace';
import { systemClock } from '@eventhub/core';
import { buildApp } from './app';
import { startMailProcess } from './background/mail-process';
import { bootstrapAccounts } from './bootstrap-accounts';
import { openConfiguredDatabase } from './configured-database';
import { createAppContext } from './context';
import { tuneHeap } from './heap-tuning';
import { resolveSecrets } from './local-secrets';
import { listenForMetrics } from './plugins/metrics';
import { readConfigOrExit } from './read-config';
import { mountWeb, webBuildExists } from './web';
import { superviseWorkersIfClustered } from './process-cluster';

// With WEB_CONCURRENCY (or --workers) above one, this process only supervises the workers, which
// run the rest of this file; it never gets past this line.
await superviseWorkersIfClustered();
const config = readConfigOrExit();
tuneHeap(config.serveWeb);
const secrets = resolveSecrets(config);
const database = await openConfiguredDatabase(config);

const ctx = createAppContext({
  db: database.db,
  engine: database.engine,
  clock: systemClock,
  config,
  jwtSecret: secrets.jwtSecret,
  appSecret: secrets.appSecret,
});

await ctx.ticketKeys.warm();
const app = await buildApp(ctx);
// Mail (ticket PDFs, QR codes, SMTP) is rendered and sent by a child process: off this process's
// heap and event loop. Tests build the app without it and deliver in-process.
app.background.deliverMailElsewhere(startMailProcess(config, database.db, app.log));
const demoAccounts = await bootstrapAccounts(ctx, (m) => app.log.info(m));

const dev = process.env.EVENTHUB_DEV === '1';
if (config.serveWeb) {
  if (dev || webBuildExists()) await mountWeb(app, { dev });
  else app.log.warn('Web app not built (run `npm run build`); serving the API only');
}

const metricsServer =
  config.metricsPort === undefined
    ? null
    : await listenForMetrics(app, {
        port: config.metricsPort,
        host: config.metricsHost,
        token: config.metricsToken,
      });
if (metricsServer) app.addHook('onClose', async () => metricsServer.close());
await app.listen({ port: config.port, host: config.host });

const lines = [
  '',
  `EventHub is running at ${config.publicUrl}  (${database.engine}${database.engine === 'sqlite' ? `, ${config.dataDir}` : ''})`,
  `  API docs:  ${config.publicUrl}/api/docs`,
];
if (metricsServer) {
  const address = metricsServer.server.address();
  const port = typeof address === 'object' && address ? address.port : config.metricsPort;
  lines.push(`  Metrics:   http://${config.metricsHost}:${port}/metrics (internal port only)`);
}
if (demoAccounts.length > 0) {
  lines.push('  Demo accounts (local demo mode only):');
  for (const a of demoAccounts) lines.push(`    ${a.role.padEnd(9)} ${a.email.padEnd(32)} ${a.password}`);
}
// In a cluster the primary made the accounts; each worker printing the banner would repeat it.
if (!cluster.isWorker) console.log(lines.join('\n') + '\n');

closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  if (err) app.log.error({ err }, 'shutting down after an error');
  else app.log.info({ signal }, 'shutting down');
  await app.close();
  // After the app: onClose hooks run last-added first, so a hook here would close the database
  // under background work still finishing its pass.
  await database.close();
});
