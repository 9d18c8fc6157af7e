import { writeAudit } from '../audit/write-audit';
import type { DbOrTx } from '../db/database';
import type { OrganizerProfileRow } from '../db/schema';
import { requireRole, type Actor, type RequestMeta } from '../shared/actor';
import type { CoreDeps } from '../shared/core-deps';
import { NotFoundError, ValidationError, type FieldError } from '../shared/errors';
import type { PostalAddress } from './invoice-document';
import { checkPostalAddress, type PostalAddressInput } from './postal-address';
import { checkedVatId } from './vat-id';

export interface OrganizerProfileInput {
  legalName: string;
  address: PostalAddressInput;
  vatId?: string | null;
  invoicePrefix?: string | null;
  invoiceFooter?: string | null;
}

export interface OrganizerProfileView {
  legalName: string;
  address: PostalAddress;
  vatId: string | null;
  invoicePrefix: string;
  invoiceFooter: string | null;
  updatedAt: string;
}

/** Invoice numbers read `INV-2026-00001` until the organizer picks another prefix. */
export const DEFAULT_INVOICE_PREFIX = 'INV';
const PREFIX_PATTERN = /^[A-Z0-9]{1,10}$/;

export function loadProfileRow(db: DbOrTx, organizerId: string): Promise<OrganizerProfileRow | undefined> {
  return db
    .selectFrom('organizer_profiles')
    .selectAll()
    .where('organizer_id', '=', organizerId)
    .executeTakeFirst();
}

export function profileAddress(row: OrganizerProfileRow): PostalAddress {
  return {
    line1: row.address_line1,
    line2: row.address_line2,
    postalCode: row.postal_code,
    city: row.city,
    country: row.country,
  };
}

function toView(row: OrganizerProfileRow): OrganizerProfileView {
  return {
    legalName: row.legal_name,
    address: profileAddress(row),
    vatId: row.vat_id,
    invoicePrefix: row.invoice_prefix,
    invoiceFooter: row.invoice_footer,
    updatedAt: row.updated_at,
  };
}

/** The calling organizer's business profile; 404 until it is first saved. */
export async function getOrganizerProfile(deps: CoreDeps, actor: Actor): Promise<OrganizerProfileView> {
  requireRole(actor, ['organizer']);
  const row = await loadProfileRow(deps.db, actor.userId);
  if (!row) throw new NotFoundError('Business profile');
  return toView(row);
}

/**
 * Saves the calling organizer's business profile: the seller on its invoices. Invoices already
 * issued keep the details they were issued with; the next ones use these.
 */
export async function saveOrganizerProfile(
  deps: CoreDeps,
  actor: Actor,
  input: OrganizerProfileInput,
  meta: RequestMeta,
): Promise<OrganizerProfileView> {
  requireRole(actor, ['organizer']);
  const errors: FieldError[] = [];
  if (input.legalName.trim().length === 0) errors.push({ field: 'legalName', message: 'must not be blank' });
  const address = checkPostalAddress(input.address, 'address.', errors);
  const vatId = checkedVatId(input.vatId, address.country, 'vatId', errors);
  const prefix = input.invoicePrefix?.trim().toUpperCase() || DEFAULT_INVOICE_PREFIX;
  if (!PREFIX_PATTERN.test(prefix))
    errors.push({ field: 'invoicePrefix', message: 'must be 1 to 10 letters or digits' });
  if (errors.length) throw new ValidationError(errors);

  const now = deps.clock.now().toISOString();
  const columns = {
    legal_name: input.legalName.trim(),
    address_line1: address.line1,
    address_line2: address.line2,
    postal_code: address.postalCode,
    city: address.city,
    country: address.country,
    vat_id: vatId,
    invoice_prefix: prefix,
    invoice_footer: input.invoiceFooter?.trim() || null,
    updated_at: now,
  };
  const row = await deps.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('organizer_profiles')
      .values({ organizer_id: actor.userId, created_at: now, ...columns })
      .onConflict((oc) => oc.column('organizer_id').doUpdateSet(columns))
      .execute();
    await writeAudit(tx, deps.clock, {
      actorId: actor.userId,
      action: 'organizer.profile_updated',
      targetType: 'user',
      targetId: actor.userId,
      ip: meta.ip,
      details: { country: address.country, vatId: vatId !== null, invoicePrefix: prefix },
    });
    return (await loadProfileRow(tx, actor.userId))!;
  });
  return toView(row);
}
