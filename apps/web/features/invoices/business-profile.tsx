'use client';

import Link from 'next/link';
import { BusinessProfileForm } from './business-profile-form';
import { loadProfile } from './profile-body';
import { FormAlert } from '@/components/form-alert';
import { useApiData } from '@/lib/use-api-data';

/** The organizer's business profile page: the form, filled in once the saved profile (if any) is loaded. */
export function BusinessProfile() {
  const loaded = useApiData(loadProfile, 'organizer-profile');
  const { setData } = loaded;
  return (
    <>
      <p>
        <Link href="/organizer">← Organizer</Link>
      </p>
      <h1>Business profile</h1>
      <p>
        You are the seller on the invoices and credit notes of your events. Invoices already issued keep the
        details they were issued with. <Link href="/organizer/invoices">Your invoices</Link>
      </p>
      {loaded.error ? <FormAlert message={loaded.error} /> : null}
      {loaded.loading && !loaded.data ? <p aria-busy="true">Loading your profile…</p> : null}
      {!loaded.loading && !loaded.error ? (
        <>
          {loaded.data === null ? (
            <p data-testid="profile-missing">
              No business profile yet: fill it in before turning on invoices for an event.
            </p>
          ) : null}
          <BusinessProfileForm profile={loaded.data} onSaved={(profile) => setData(() => profile)} />
        </>
      ) : null}
    </>
  );
}
