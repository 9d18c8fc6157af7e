// `npm run db:migrate`: applies pending migrations to the configured database (the server also
// does this at start-up; this is for deploy pipelines that migrate before rolling out).
import { openConfiguredDatabase, readConfigOrExit } from '@eventhub/api';

const config = readConfigOrExit();
const database = await openConfiguredDatabase(config);
console.log(
  database.applied.length > 0
    ? `Applied: ${database.applied.join(', ')}`
    : `Database (${database.engine}) is up to date.`,
);
await database.close();
