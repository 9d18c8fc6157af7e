'use client';

import type { OrganizerProfile } from '@eventhub/client';
import { useState, type FormEvent } from 'react';
import { PostalAddressFields } from './postal-address-fields';
import { PROFILE_FIELDS, profileBody, profileDraftOf, type ProfileDraft } from './profile-body';
import { FieldError, fieldAria } from '@/components/field-error';
import { FormAlert } from '@/components/form-alert';
import { LabeledInput } from '@/components/labeled-input';
import { useAuth } from '@/lib/auth-context';
import { NO_PROBLEM, toFormProblem } from '@/lib/form-problem';
import { useFormProblem } from '@/lib/use-form-problem';

/**
 * The seller on the organizer's invoices: legal name, address, VAT id, the invoice numbers'
 * prefix and a footer. The API checks it (a VAT id against its country's format); what it
 * rejects is shown next to the field.
 */
export function BusinessProfileForm({
  profile,
  onSaved,
}: {
  /** The saved profile; null before the first save. */
  profile: OrganizerProfile | null;
  onSaved: (profile: OrganizerProfile) => void;
}) {
  const { authed } = useAuth();
  const { formRef, problem, setProblem, submitting, setSubmitting } = useFormProblem();
  const [draft, setDraft] = useState<ProfileDraft>(() => profileDraftOf(profile));
  const [saved, setSaved] = useState<string | null>(null);
  const { fields } = problem;

  function edit<K extends keyof ProfileDraft>(key: K, value: ProfileDraft[K]) {
    setDraft((d) => ({ ...d, [key]: value }));
    setSaved(null);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitting(true);
    setSaved(null);
    try {
      const next = await authed((client) => client.organizer.profile.save(profileBody(draft)));
      setProblem(NO_PROBLEM);
      setDraft(profileDraftOf(next));
      onSaved(next);
      setSaved('Business profile saved. Invoices from now on use these details.');
    } catch (error) {
      setProblem(toFormProblem(error, PROFILE_FIELDS));
    } finally {
      setSubmitting(false);
    }
  }

  const text = (key: 'legalName' | 'vatId' | 'invoicePrefix') => ({
    id: `profile-${key}`,
    value: draft[key],
    onChange: (e: { target: { value: string } }) => edit(key, e.target.value),
    error: fields[key],
  });

  return (
    <form ref={formRef} onSubmit={onSubmit} className="narrow" aria-label="Business profile">
      <FormAlert message={problem.message} />
      <LabeledInput
        label="Legal name"
        {...text('legalName')}
        required
        maxLength={200}
        autoComplete="organization"
      />
      <fieldset>
        <legend>Address</legend>
        <PostalAddressFields
          idPrefix="profile-address"
          value={draft.address}
          onChange={(address) => edit('address', address)}
          errorOf={(part) => fields[`address.${part}`]}
          required
          autoCompleteSection="section-business"
        />
      </fieldset>
      <LabeledInput
        label="VAT id (optional)"
        {...text('vatId')}
        maxLength={30}
        autoComplete="off"
        spellCheck={false}
        hint="An EU VAT id is checked against its country's format, e.g. DE136695976. With one, buyers from other EU countries who give theirs pay no VAT (reverse charge)."
      />
      <LabeledInput
        label="Invoice number prefix (optional)"
        {...text('invoicePrefix')}
        maxLength={10}
        autoComplete="off"
        placeholder="INV"
        hint="Letters and digits. Invoices are numbered PREFIX-YEAR-00001, without gaps, each year anew."
      />
      <label htmlFor="profile-invoiceFooter">Invoice footer (optional)</label>
      <textarea
        id="profile-invoiceFooter"
        rows={3}
        maxLength={1000}
        value={draft.invoiceFooter}
        onChange={(e) => edit('invoiceFooter', e.target.value)}
        {...fieldAria('profile-invoiceFooter', fields.invoiceFooter, 'profile-invoiceFooter-hint')}
      />
      <FieldError id="profile-invoiceFooter-error" message={fields.invoiceFooter} />
      <small id="profile-invoiceFooter-hint">
        Printed on every invoice: bank details, registration number.
      </small>

      <button type="submit" aria-busy={submitting} disabled={submitting}>
        Save profile
      </button>
      <div role="status">{saved ? <p className="form-status">{saved}</p> : null}</div>
    </form>
  );
}
