'use client';

import type { Event } from '@eventhub/client';
import { useRef, useState, type FormEvent } from 'react';
import { EventDetailsFields } from './event-details-fields';
import { eventFormProblem, readEventDetails, updateEventBody } from './event-form';
import { FormAlert } from '@/components/form-alert';
import { useAuth } from '@/lib/auth-context';
import { NO_PROBLEM, type FormProblem, type CodeMessages } from '@/lib/form-problem';
import { useFocusFirstInvalid } from '@/lib/use-focus-first-invalid';

const MESSAGES: CodeMessages = {
  capacity_below_sold: 'Capacity cannot go below the tickets already sold or held.',
  currency_locked: 'The currency cannot change once tickets are sold.',
};

/** The event's details, saved with one PATCH. */
export function EventDetailsEditor({ event, onChange }: { event: Event; onChange: (event: Event) => void }) {
  const { authed } = useAuth();
  const formRef = useRef<HTMLFormElement>(null);
  const [problem, setProblem] = useState<FormProblem>(NO_PROBLEM);
  const [saved, setSaved] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  useFocusFirstInvalid(formRef, problem);
  const readOnly = event.status === 'cancelled';

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const body = updateEventBody(event, readEventDetails(new FormData(e.currentTarget)));
    setSaved(null);
    if (Object.keys(body).length === 0) {
      setProblem(NO_PROBLEM);
      setSaved('Nothing to save: no changes.');
      return;
    }
    setSubmitting(true);
    try {
      const updated = await authed((client) => client.events.update(event.id, body));
      onChange(updated);
      setProblem(NO_PROBLEM);
      setSaved('Details saved.');
    } catch (error) {
      setProblem(eventFormProblem(error, MESSAGES));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <section aria-labelledby="details-heading">
      <h2 id="details-heading">Details</h2>
      <form ref={formRef} onSubmit={onSubmit} className="event-form" aria-labelledby="details-heading">
        <FormAlert message={problem.message} />
        <fieldset disabled={readOnly} className="plain-fieldset">
          <EventDetailsFields event={event} problem={problem} />
          <button type="submit" aria-busy={submitting} disabled={submitting}>
            Save details
          </button>
        </fieldset>
        <div role="status">{saved ? <p className="form-status">{saved}</p> : null}</div>
      </form>
    </section>
  );
}
