import type { DbOrTx } from '../db/database';
import type { Billing } from './billing';
import { loadProfileRow } from './organizer-profile';
import { EU_COUNTRIES } from './vat-id';

interface VatParty {
  country: string;
  vatId: string | null;
}

/**
 * EU reverse charge (Art. 196 of Directive 2006/112/EC): a business buyer with a VAT id in
 * another member state than the seller, who has one too, is charged no VAT and accounts for it
 * itself. Both ids are already format-checked (billing.ts, organizer-profile.ts).
 */
export function isReverseCharge(seller: VatParty | null, buyer: VatParty | null): boolean {
  if (!seller?.vatId || !buyer?.vatId) return false;
  return (
    EU_COUNTRIES.has(seller.country) && EU_COUNTRIES.has(buyer.country) && seller.country !== buyer.country
  );
}

/** Whether an order with these billing details is a reverse charge for the event's organizer. */
export async function reverseChargeFor(
  db: DbOrTx,
  organizerId: string,
  billing: Pick<Billing, 'address' | 'vatId'> | null,
): Promise<boolean> {
  // Most orders carry no VAT id: no need to read the organizer's profile for them.
  if (!billing?.vatId) return false;
  const seller = await loadProfileRow(db, organizerId);
  return isReverseCharge(seller ? { country: seller.country, vatId: seller.vat_id } : null, {
    country: billing.address.country,
    vatId: billing.vatId,
  });
}
