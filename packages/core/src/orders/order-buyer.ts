import { isValidEmail } from '../shared/email-address';
import type { Actor } from '../shared/actor';
import { requireRole } from '../shared/actor';
import { ValidationError, type FieldError } from '../shared/errors';
import type { OrderDeps } from './order-deps';

export interface BuyerInput {
  email: string;
  name: string;
}

/** Who the order is for: the signed-in account, or a guest's name and address (400 without them). */
export async function resolveBuyer(
  deps: OrderDeps,
  actor: Actor | null,
  input: { buyer?: BuyerInput | null | undefined },
): Promise<{ userId: string | null; email: string; name: string }> {
  if (actor) {
    requireRole(actor, ['customer', 'organizer', 'admin']);
    const user = await deps.db
      .selectFrom('users')
      .select(['email', 'name'])
      .where('id', '=', actor.userId)
      .executeTakeFirstOrThrow();
    return { userId: actor.userId, email: user.email.toLowerCase(), name: user.name };
  }
  const email = input.buyer?.email?.trim().toLowerCase() ?? '';
  const name = input.buyer?.name?.trim() ?? '';
  const errors: FieldError[] = [];
  if (!input.buyer) errors.push({ field: 'buyer', message: 'is required without signing in: {email, name}' });
  else {
    if (!isValidEmail(email)) errors.push({ field: 'buyer.email', message: 'must be an e-mail address' });
    if (name.length < 1 || name.length > 100)
      errors.push({ field: 'buyer.name', message: 'must be 1–100 characters' });
  }
  if (errors.length) throw new ValidationError(errors);
  return { userId: null, email, name };
}
