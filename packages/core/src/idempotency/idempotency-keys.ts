import type { CoreDeps } from '../shared/core-deps';
import { isUniqueViolation } from '../db/unique-violation';
import { newId } from '../shared/ids';

export type Claim =
  | { state: 'new'; id: string }
  | { state: 'replay'; statusCode: number; body: string }
  | { state: 'mismatch' }
  | { state: 'in_progress' };

/**
 * Claims an Idempotency-Key for one user and route. The unique index decides between concurrent
 * first uses; later uses get the stored answer, or `mismatch` when the request differs.
 */
export async function claimIdempotencyKey(
  deps: CoreDeps,
  key: { userId: string; key: string; route: string; requestHash: string },
): Promise<Claim> {
  const id = newId();
  try {
    await deps.db
      .insertInto('idempotency_keys')
      .values({
        id,
        user_id: key.userId,
        idem_key: key.key,
        route: key.route,
        request_hash: key.requestHash,
        status_code: null,
        response_body: null,
        created_at: deps.clock.now().toISOString(),
      })
      .execute();
    return { state: 'new', id };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const existing = await deps.db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('user_id', '=', key.userId)
    .where('idem_key', '=', key.key)
    .where('route', '=', key.route)
    .executeTakeFirstOrThrow();
  if (existing.request_hash !== key.requestHash) return { state: 'mismatch' };
  if (existing.status_code === null || existing.response_body === null) return { state: 'in_progress' };
  return { state: 'replay', statusCode: existing.status_code, body: existing.response_body };
}

/** Stores the answer given under a claimed key. */
export async function completeIdempotencyKey(
  deps: CoreDeps,
  id: string,
  statusCode: number,
  body: string,
): Promise<void> {
  const { db } = deps;
  await db
    .updateTable('idempotency_keys')
    .set({ status_code: statusCode, response_body: body })
    .where('id', '=', id)
    .execute();
}

/** Frees a claimed key after a failure on our side, so the client's retry runs again. */
export async function releaseIdempotencyKey(deps: CoreDeps, id: string): Promise<void> {
  const { db } = deps;
  await db.deleteFrom('idempotency_keys').where('id', '=', id).execute();
}
