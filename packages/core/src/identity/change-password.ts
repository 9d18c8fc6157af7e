import { writeAudit } from '../audit/write-audit';
import { enqueueEmail } from '../outbox/enqueue-email';
import type { Actor, RequestMeta } from '../shared/actor';
import { NotFoundError } from '../shared/errors';
import type { IdentityDeps } from './auth-settings';
import { passwordChangedNotice } from './account-mail';
import { voidAccountTokens } from './account-tokens';
import { assertCurrentPassword } from './current-password';
import { hashPassword } from './password-hashing';
import { assertAcceptablePassword } from './password-policy';
import { revokeSessions } from './sessions';

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

/**
 * A signed-in user changes their password, confirming the current one (wrong: 400
 * `invalid_credentials`). Every other session of the user is revoked; the caller's own stays.
 * Outstanding reset links die too: they were meant to replace the password now replaced.
 */
export async function changePassword(
  deps: IdentityDeps,
  actor: Actor,
  input: ChangePasswordInput,
  meta: RequestMeta,
): Promise<void> {
  assertAcceptablePassword(input.newPassword, 'newPassword');
  const user = await deps.db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', actor.userId)
    .executeTakeFirst();
  if (!user) throw new NotFoundError('User');
  await assertCurrentPassword(user, input.currentPassword);
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction().execute(async (tx) => {
    const now = deps.clock.now();
    await tx
      .updateTable('users')
      .set({ password_hash: passwordHash, updated_at: now.toISOString() })
      .where('id', '=', user.id)
      .execute();
    await revokeSessions(tx, now, { userId: user.id, exceptSessionId: actor.sessionId }, 'password_changed');
    await voidAccountTokens(tx, deps.clock, user.id, ['password_reset']);
    await enqueueEmail(tx, deps.clock, passwordChangedNotice(user.email, user.name));
    await writeAudit(tx, deps.clock, {
      actorId: user.id,
      action: 'user.password_changed',
      targetType: 'user',
      targetId: user.id,
      ip: meta.ip,
      details: { otherSessionsRevoked: true },
    });
  });
  deps.afterCommit.mailQueued();
}
