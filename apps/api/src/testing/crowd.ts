import { issueAccessToken } from '@eventhub/core';
import { uuidv7 } from 'uuidv7';
import type { AppContext } from '../context';

export interface Buyer {
  userId: string;
  accessToken: string;
}

/**
 * Many signed-in customers at once, made straight in the database: a real sign-up hashes a
 * password with argon2id (tens of milliseconds each), which would dwarf what these tests measure.
 * The tokens are real access tokens of real sessions, checked by the API like any other.
 */
export async function mintBuyers(
  env: { ctx: Pick<AppContext, 'db' | 'auth'>; clock: AppContext['clock'] },
  count: number,
): Promise<Buyer[]> {
  const now = env.clock.now();
  const later = new Date(now.getTime() + 30 * 86_400_000).toISOString();
  const buyers = Array.from({ length: count }, () => ({
    userId: uuidv7(),
    sessionId: uuidv7(),
  }));
  for (let i = 0; i < buyers.length; i += 200) {
    const chunk = buyers.slice(i, i + 200);
    await env.ctx.db
      .insertInto('users')
      .values(
        chunk.map((b) => ({
          id: b.userId,
          email: `crowd-${b.userId}@example.test`,
          name: 'Crowd Buyer',
          password_hash: 'not-a-usable-hash',
          role: 'customer' as const,
          organizer_id: null,
          disabled: 0,
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        })),
      )
      .execute();
    await env.ctx.db
      .insertInto('sessions')
      .values(
        chunk.map((b) => ({
          id: b.sessionId,
          user_id: b.userId,
          created_at: now.toISOString(),
          expires_at: later,
          revoked_at: null,
          revoke_reason: null,
          ip: '127.0.0.1',
          user_agent: 'crowd',
        })),
      )
      .execute();
  }
  return Promise.all(
    buyers.map(async (b) => ({
      userId: b.userId,
      accessToken: await issueAccessToken(env.ctx.auth, env.clock, {
        userId: b.userId,
        role: 'customer',
        sessionId: b.sessionId,
      }),
    })),
  );
}
