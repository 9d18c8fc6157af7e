import type { EventDeps } from '../events/event-deps';
import { randomBytes } from 'node:crypto';
import { writeAudit } from '../audit/write-audit';
import type { Role } from '../db/schema';
import { createUserRow } from '../identity/create-user-row';
import { hashPassword } from '../identity/password-hashing';
import { seedDemoEvent } from './seed-demo-event';

export interface DemoAccount {
  role: Role;
  email: string;
  name: string;
  password: string;
}

const DEMO_SEEDED = 'demo_seeded';

/**
 * Local demo mode only: creates one account per role, each with a random password (there is no
 * default password anywhere). Runs once per database; returns null when already seeded.
 */
export async function seedDemoAccounts(deps: EventDeps): Promise<DemoAccount[] | null> {
  const done = await deps.db
    .selectFrom('app_meta')
    .select('value')
    .where('key', '=', DEMO_SEEDED)
    .executeTakeFirst();
  if (done) return null;
  const password = () => `demo-${randomBytes(9).toString('base64url')}`;
  const plan: DemoAccount[] = [
    { role: 'admin', email: 'admin@demo.eventhub.local', name: 'Ada Admin', password: password() },
    {
      role: 'organizer',
      email: 'organizer@demo.eventhub.local',
      name: 'Olivia Organizer',
      password: password(),
    },
    { role: 'customer', email: 'customer@demo.eventhub.local', name: 'Carl Customer', password: password() },
    { role: 'staff', email: 'staff@demo.eventhub.local', name: 'Sam Staff', password: password() },
  ];
  const hashes = await Promise.all(plan.map((a) => hashPassword(a.password)));
  await deps.db.transaction().execute(async (tx) => {
    let organizerId: string | null = null;
    for (const [i, account] of plan.entries()) {
      const user = await createUserRow(tx, deps.clock, {
        email: account.email,
        name: account.name,
        passwordHash: hashes[i]!,
        role: account.role,
        organizerId: account.role === 'staff' ? organizerId : null,
      });
      if (account.role === 'organizer') organizerId = user.id;
      await writeAudit(tx, deps.clock, {
        actorId: null,
        action: 'demo.account_created',
        targetType: 'user',
        targetId: user.id,
        details: { email: account.email, role: account.role },
      });
    }
    await tx
      .insertInto('app_meta')
      .values({ key: DEMO_SEEDED, value: deps.clock.now().toISOString() })
      .execute();
  });
  const organizer = await deps.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', plan[1]!.email)
    .executeTakeFirstOrThrow();
  await seedDemoEvent(deps, organizer.id);
  return plan;
}
