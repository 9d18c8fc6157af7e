import { ApiError, type Api, type OrganizerProfile, type OrganizerProfileInput } from '@eventhub/client';
import {
  ADDRESS_FIELDS,
  addressBody,
  addressDraftOf,
  EMPTY_ADDRESS,
  type AddressDraft,
} from './postal-address';

/** The business profile form's values as typed so far. */
export interface ProfileDraft {
  legalName: string;
  address: AddressDraft;
  vatId: string;
  invoicePrefix: string;
  invoiceFooter: string;
}

/** The form's fields, as the API's error paths name them. */
export const PROFILE_FIELDS = [
  'legalName',
  ...ADDRESS_FIELDS,
  'vatId',
  'invoicePrefix',
  'invoiceFooter',
] as const;

/** The saved profile as a draft, or an empty one before the first save. */
export function profileDraftOf(profile: OrganizerProfile | null): ProfileDraft {
  if (!profile)
    return { legalName: '', address: EMPTY_ADDRESS, vatId: '', invoicePrefix: '', invoiceFooter: '' };
  return {
    legalName: profile.legalName,
    address: addressDraftOf(profile.address),
    vatId: profile.vatId ?? '',
    invoicePrefix: profile.invoicePrefix,
    invoiceFooter: profile.invoiceFooter ?? '',
  };
}

/** The PUT body: trimmed; an optional field left empty is null, which clears it. */
export function profileBody(draft: ProfileDraft): OrganizerProfileInput {
  return {
    legalName: draft.legalName.trim(),
    address: addressBody(draft.address),
    vatId: draft.vatId.trim() || null,
    invoicePrefix: draft.invoicePrefix.trim() || null,
    invoiceFooter: draft.invoiceFooter.trim() || null,
  };
}

/** The organizer's profile, or null before it is first saved (the API's 404). */
export async function loadProfile(client: Api): Promise<OrganizerProfile | null> {
  try {
    return await client.organizer.profile.get();
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}
