'use client';

import type { Event } from '@eventhub/client';
import { useMemo, useState } from 'react';
import { FieldError, fieldAria } from '@/components/field-error';
import { HOLDER_CHANGES_ALLOWED } from './event-form';
import { InvoicingFields } from './invoicing-fields';
import type { FormProblem } from '@/lib/form-problem';
import { browserTimeZone, countryOptions, currencyOptions, timeZoneOptions } from '@/lib/places';
import { isoToZonedInput } from '@/lib/zoned-time';

interface Props {
  /** The event being edited; absent for a new one. */
  event?: Event;
  problem: FormProblem;
}

type Option = { code: string; label: string };

/** Ensures a stored value shows even when this browser's list lacks it. */
function withValue(options: Option[], value: string): Option[] {
  return !value || options.some((o) => o.code === value)
    ? options
    : [{ code: value, label: value }, ...options];
}

/**
 * The event's own fields, shared by the "new event" form and the editor. Start and end are
 * typed as wall-clock times of the chosen time zone, not of the organizer's browser.
 */
export function EventDetailsFields({ event, problem }: Props) {
  const { fields } = problem;
  const [timezone, setTimezone] = useState(() => event?.timezone ?? browserTimeZone());
  const zones = useMemo(() => {
    const all = timeZoneOptions();
    return all.includes(timezone) ? all : [timezone, ...all];
  }, [timezone]);
  const currencies = useMemo(() => withValue(currencyOptions(), event?.currency ?? 'USD'), [event?.currency]);
  const country = event?.venue?.country ?? '';
  const countries = useMemo(() => withValue(countryOptions(), country), [country]);
  // The stored instants as wall-clock times of the event's own zone.
  const startsAt = isoToZonedInput(event?.startsAt, event?.timezone ?? timezone);
  const endsAt = isoToZonedInput(event?.endsAt, event?.timezone ?? timezone);
  // A new event lets holders change names until the start, as the API does by default.
  const [holderChanges, setHolderChanges] = useState(
    () => event?.ticketChangePolicy.holderChangesUntilHoursBefore !== null,
  );

  const field = (name: string, id: string, hint?: string) => ({
    id,
    name,
    ...fieldAria(id, fields[name], hint),
  });

  return (
    <>
      <label htmlFor="event-name">Event name</label>
      <input {...field('name', 'event-name')} required maxLength={200} defaultValue={event?.name ?? ''} />
      <FieldError id="event-name-error" message={fields.name} />

      <label htmlFor="event-description">Description</label>
      <textarea
        {...field('description', 'event-description', 'event-description-hint')}
        rows={6}
        maxLength={20_000}
        defaultValue={event?.description ?? ''}
      />
      <FieldError id="event-description-error" message={fields.description} />
      <small id="event-description-hint">Plain text; line breaks are kept.</small>

      <fieldset>
        <legend>When</legend>
        <div className="grid">
          <div>
            <label htmlFor="event-starts">Starts</label>
            <input
              {...field('startsAt', 'event-starts', 'event-times-hint')}
              type="datetime-local"
              defaultValue={startsAt}
            />
            <FieldError id="event-starts-error" message={fields.startsAt} />
          </div>
          <div>
            <label htmlFor="event-ends">Ends</label>
            <input
              {...field('endsAt', 'event-ends', 'event-times-hint')}
              type="datetime-local"
              defaultValue={endsAt}
            />
            <FieldError id="event-ends-error" message={fields.endsAt} />
          </div>
        </div>
        <label htmlFor="event-timezone">Time zone</label>
        <select
          {...field('timezone', 'event-timezone', 'event-times-hint')}
          value={timezone}
          onChange={(e) => setTimezone(e.target.value)}
        >
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll('_', ' ')}
            </option>
          ))}
        </select>
        <FieldError id="event-timezone-error" message={fields.timezone} />
        <small id="event-times-hint">
          Times are local to the event, in the time zone chosen here. A start date is needed to publish.
        </small>
      </fieldset>

      <fieldset>
        <legend>Venue</legend>
        <label htmlFor="venue-name">Venue name</label>
        <input
          {...field('venue.name', 'venue-name')}
          maxLength={200}
          defaultValue={event?.venue?.name ?? ''}
        />
        <FieldError id="venue-name-error" message={fields['venue.name']} />

        <label htmlFor="venue-address">Address</label>
        <input
          {...field('venue.address', 'venue-address')}
          maxLength={300}
          autoComplete="off"
          defaultValue={event?.venue?.address ?? ''}
        />
        <FieldError id="venue-address-error" message={fields['venue.address']} />

        <div className="grid">
          <div>
            <label htmlFor="venue-city">City</label>
            <input
              {...field('venue.city', 'venue-city')}
              maxLength={120}
              defaultValue={event?.venue?.city ?? ''}
            />
            <FieldError id="venue-city-error" message={fields['venue.city']} />
          </div>
          <div>
            <label htmlFor="venue-country">Country</label>
            <select {...field('venue.country', 'venue-country')} defaultValue={country}>
              <option value="">—</option>
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.label}
                </option>
              ))}
            </select>
            <FieldError id="venue-country-error" message={fields['venue.country']} />
          </div>
        </div>
      </fieldset>

      <fieldset>
        <legend>Tickets, refunds and name changes</legend>
        <div className="grid">
          <div>
            <label htmlFor="event-currency">Currency</label>
            <select {...field('currency', 'event-currency')} defaultValue={event?.currency ?? 'USD'}>
              {currencies.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.label}
                </option>
              ))}
            </select>
            <FieldError id="event-currency-error" message={fields.currency} />
          </div>
          <div>
            <label htmlFor="event-capacity">Capacity</label>
            <input
              {...field('capacity', 'event-capacity', 'event-capacity-hint')}
              type="number"
              inputMode="numeric"
              min={0}
              max={10_000_000}
              step={1}
              defaultValue={event?.capacity ?? ''}
            />
            <FieldError id="event-capacity-error" message={fields.capacity} />
            <small id="event-capacity-hint">Shared by all ticket types. Empty: no event-wide limit.</small>
          </div>
        </div>
        <label htmlFor="event-refund-hours">Customer refunds until (hours before the start)</label>
        <input
          {...field(
            'refundPolicy.customerRefundsUntilHoursBefore',
            'event-refund-hours',
            'event-refund-hint',
          )}
          type="number"
          inputMode="numeric"
          min={0}
          max={8760}
          step={1}
          defaultValue={event?.refundPolicy.customerRefundsUntilHoursBefore ?? ''}
        />
        <FieldError
          id="event-refund-hours-error"
          message={fields['refundPolicy.customerRefundsUntilHoursBefore']}
        />
        <small id="event-refund-hint">
          Customers may refund their own tickets until this many hours before the event starts. Empty: no
          self-service refunds.
        </small>

        <label htmlFor="event-holder-changes">
          <input
            id="event-holder-changes"
            name={HOLDER_CHANGES_ALLOWED}
            type="checkbox"
            role="switch"
            checked={holderChanges}
            onChange={(e) => setHolderChanges(e.target.checked)}
          />
          Ticket holders may change names
        </label>
        <label htmlFor="event-holder-hours">Name changes until (hours before the start)</label>
        <input
          {...field(
            'ticketChangePolicy.holderChangesUntilHoursBefore',
            'event-holder-hours',
            'event-holder-hint',
          )}
          type="number"
          inputMode="numeric"
          min={0}
          max={8760}
          step={1}
          disabled={!holderChanges}
          placeholder="0"
          defaultValue={event?.ticketChangePolicy.holderChangesUntilHoursBefore ?? ''}
        />
        <FieldError
          id="event-holder-hours-error"
          message={fields['ticketChangePolicy.holderChangesUntilHoursBefore']}
        />
        <small id="event-holder-hint">
          {holderChanges
            ? 'Ticket holders may change the name and e-mail on a ticket until this many hours before the start (empty or 0: until the start); the ticket gets a new code.'
            : 'Names on tickets cannot be changed by their holders.'}
        </small>
      </fieldset>

      <InvoicingFields event={event} fields={fields} />
    </>
  );
}
