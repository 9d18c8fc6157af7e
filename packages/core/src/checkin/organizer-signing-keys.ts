import { writeAudit } from '../audit/write-audit';
import { requireRole, type Actor, type RequestMeta } from '../shared/actor';
import type { CheckinDeps } from './checkin-deps';
import type { PublicSigningKey } from './key-ring';

/** The organizer's signing keys, the active one first; private halves never leave the server. */
export async function listSigningKeys(deps: CheckinDeps, actor: Actor): Promise<PublicSigningKey[]> {
  requireRole(actor, ['organizer']);
  return deps.keys.publicKeys(deps.db, actor.userId);
}

/**
 * An organizer replaces its signing key (say, after a leak is feared). New tickets are signed
 * with the new key; codes already issued keep verifying with the retired one.
 */
export async function rotateSigningKey(
  deps: CheckinDeps,
  actor: Actor,
  meta: RequestMeta,
): Promise<PublicSigningKey> {
  requireRole(actor, ['organizer']);
  return deps.db.transaction().execute(async (tx) => {
    const key = await deps.keys.rotate(tx, actor.userId);
    await writeAudit(tx, deps.clock, {
      actorId: actor.userId,
      action: 'signing_key.rotated',
      targetType: 'signing_key',
      targetId: key.keyId,
      ip: meta.ip,
    });
    return key;
  });
}
