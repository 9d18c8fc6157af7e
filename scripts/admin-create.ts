// `npm run admin:create -- --email you@example.com --password '…' [--name 'Your Name']`
// Creates an admin account if the e-mail is free; an existing account is never changed.
import { parseArgs } from 'node:util';
import { DomainError, ensureAdmin, systemClock } from '@eventhub/core';
import { openConfiguredDatabase, readConfigOrExit } from '@eventhub/api';

const { values } = parseArgs({
  options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
});
if (!values.email || !values.password) {
  console.error("Usage: npm run admin:create -- --email you@example.com --password '…' [--name 'Your Name']");
  process.exit(2);
}
const database = await openConfiguredDatabase(readConfigOrExit());
try {
  const result = await ensureAdmin(
    { db: database.db, clock: systemClock },
    { email: values.email, password: values.password, name: values.name },
  );
  console.log(
    result.created ? `Created admin ${values.email}` : `${values.email} already exists; nothing changed.`,
  );
} catch (error) {
  if (error instanceof DomainError) {
    console.error(`Refused: ${error.message}`);
    process.exitCode = 1;
  } else throw error;
} finally {
  await database.close();
}
