'use client';

import { useMemo } from 'react';
import type { AddressDraft, AddressPart } from './postal-address';
import { LabeledInput } from '@/components/labeled-input';
import { FieldError, fieldAria } from '@/components/field-error';
import { countryOptions } from '@/lib/places';

interface Props {
  /** Prefix of the inputs' ids, e.g. "billing" gives "billing-line1". */
  idPrefix: string;
  value: AddressDraft;
  onChange: (next: AddressDraft, part: AddressPart) => void;
  /** The error of one part, if the server rejected it. */
  errorOf: (part: AddressPart) => string | undefined;
  /** Whether the address must be filled in (the second line is always optional). */
  required: boolean;
  /** autocomplete section, so a browser fills billing and other addresses apart. */
  autoCompleteSection?: string;
}

/** Street, second line, postal code, city and country of one address (the business profile's, a buyer's). */
export function PostalAddressFields({
  idPrefix,
  value,
  onChange,
  errorOf,
  required,
  autoCompleteSection = 'billing',
}: Props) {
  const countries = useMemo(() => countryOptions(), []);
  const id = (part: AddressPart) => `${idPrefix}-${part}`;
  const input = (part: Exclude<AddressPart, 'country'>, autoComplete: string) => ({
    id: id(part),
    value: value[part],
    onChange: (e: { target: { value: string } }) => onChange({ ...value, [part]: e.target.value }, part),
    error: errorOf(part),
    autoComplete: `${autoCompleteSection} ${autoComplete}`,
  });
  return (
    <>
      <LabeledInput
        label="Street and number"
        {...input('line1', 'address-line1')}
        required={required}
        maxLength={200}
      />
      <LabeledInput label="Address line 2 (optional)" {...input('line2', 'address-line2')} maxLength={200} />
      <div className="grid">
        <div>
          <LabeledInput
            label="Postal code"
            {...input('postalCode', 'postal-code')}
            required={required}
            maxLength={20}
          />
        </div>
        <div>
          <LabeledInput
            label="City"
            {...input('city', 'address-level2')}
            required={required}
            maxLength={120}
          />
        </div>
      </div>
      <label htmlFor={id('country')}>Country</label>
      <select
        id={id('country')}
        value={value.country}
        onChange={(e) => onChange({ ...value, country: e.target.value }, 'country')}
        required={required}
        autoComplete={`${autoCompleteSection} country`}
        {...fieldAria(id('country'), errorOf('country'))}
      >
        <option value="">Choose a country</option>
        {countries.map((c) => (
          <option key={c.code} value={c.code}>
            {c.label}
          </option>
        ))}
      </select>
      <FieldError id={`${id('country')}-error`} message={errorOf('country')} />
    </>
  );
}
