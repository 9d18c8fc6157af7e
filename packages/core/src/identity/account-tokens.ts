import { createHash, randomBytes } from 'node:crypto';
import type { DbOrTx, Tx } from '../db/database';
import type { AccountTokenPurpose } from '../db/schema';
import type { Clock } from '../shared/clock';
import { ValidationError } from '../shared/errors';
import { newId } from '../shared/ids';

/** How long each kind of mailed link works (issue 16: verification 24 h, reset 1 h; staff invitation 7 days). */
export const ACCOUNT_TOKEN_TTL_SECONDS: Record<AccountTokenPurpose, number> = {
  verify_email: 24 * 3600,
  password_reset: 3600,
  change_email: 24 * 3600,
  staff_invite: 7 * 24 * 3600,
};

export interface SpentAccountToken {
  id: string;
  userId: string;
  purpose: AccountTokenPurpose;
  email: string;
}

// 256 random bits: a fast hash is enough (nothing to brute-force), and a hash is looked up by
// equality in the unique index, so no secret is ever compared byte by byte in our code.
function hashAccountToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function invalidToken(): ValidationError {
  return new ValidationError(
    [{ field: 'token', message: 'is unknown, already used or expired' }],
    'invalid_token',
  );
}

/** Stores a new single-use token for `email` and returns it in clear, the only time it exists so. */
export async function issueAccountToken(
  tx: Tx,
  clock: Clock,
  input: { userId: string; purpose: AccountTokenPurpose; email: string },
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = clock.now();
  await tx
    .insertInto('account_tokens')
    .values({
      id: newId(),
      user_id: input.userId,
      purpose: input.purpose,
      token_hash: hashAccountToken(token),
      email: input.email,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + ACCOUNT_TOKEN_TTL_SECONDS[input.purpose] * 1000).toISOString(),
      used_at: null,
    })
    .execute();
  return token;
}

/**
 * Spends a token of one of `purposes`: one conditional UPDATE (`… WHERE used_at IS NULL AND
 * expires_at > now`), so of two concurrent uses at most one wins. Unknown, spent, expired or of
 * another purpose: 400 `invalid_token`, the same for all, saying nothing about which.
 */
export async function spendAccountToken(
  tx: Tx,
  clock: Clock,
  token: string,
  purposes: readonly AccountTokenPurpose[],
): Promise<SpentAccountToken> {
  const nowIso = clock.now().toISOString();
  const spent = await tx
    .updateTable('account_tokens')
    .set({ used_at: nowIso })
    .where('token_hash', '=', hashAccountToken(token))
    .where('purpose', 'in', purposes)
    .where('used_at', 'is', null)
    .where('expires_at', '>', nowIso)
    .returning(['id', 'user_id', 'purpose', 'email'])
    .executeTakeFirst();
  if (!spent) throw invalidToken();
  return { id: spent.id, userId: spent.user_id, purpose: spent.purpose, email: spent.email };
}

/** Voids every outstanding token of the user for these purposes (a newer fact made them stale). */
export async function voidAccountTokens(
  db: DbOrTx,
  clock: Clock,
  userId: string,
  purposes: readonly AccountTokenPurpose[],
): Promise<void> {
  await db
    .updateTable('account_tokens')
    .set({ used_at: clock.now().toISOString() })
    .where('user_id', '=', userId)
    .where('purpose', 'in', purposes)
    .where('used_at', 'is', null)
    .execute();
}
