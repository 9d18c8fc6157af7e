import type { DbOrTx } from '../db/database';
import type { InvoicingMode } from '../db/schema';
import { ConflictError } from '../shared/errors';

/**
 * An event may issue invoices only once its organizer has a business profile: an invoice without
 * the seller's legal name and address is no invoice. 409 `profile_required` otherwise.
 */
export async function assertInvoicingReady(
  db: DbOrTx,
  organizerId: string,
  mode: InvoicingMode | undefined,
): Promise<void> {
  if (mode === undefined || mode === 'off') return;
  const profile = await db
    .selectFrom('organizer_profiles')
    .select('organizer_id')
    .where('organizer_id', '=', organizerId)
    .executeTakeFirst();
  if (!profile)
    throw new ConflictError(
      'profile_required',
      'Fill in the business profile (legal name and address) before turning invoicing on',
    );
}
