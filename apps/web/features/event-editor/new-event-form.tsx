'use client';

import { useRouter } from 'next/navigation';
import type { FormEvent } from 'react';
import { EventDetailsFields } from './event-details-fields';
import { createEventBody, eventFormProblem, readEventDetails } from './event-form';
import { FormAlert } from '@/components/form-alert';
import { useAuth } from '@/lib/auth-context';
import { useFormProblem } from '@/lib/use-form-problem';

/** Creates a draft event, then opens its editor for tiers, promo codes, image and publishing. */
export function NewEventForm() {
  const { authed } = useAuth();
  const router = useRouter();
  const { formRef, problem, setProblem, submitting, setSubmitting } = useFormProblem();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = createEventBody(readEventDetails(new FormData(event.currentTarget)));
    setSubmitting(true);
    try {
      const created = await authed((client) => client.events.create(body));
      router.push(`/organizer/events/${created.id}`);
    } catch (error) {
      setProblem(eventFormProblem(error));
      setSubmitting(false);
    }
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} className="event-form">
      <FormAlert message={problem.message} />
      <EventDetailsFields problem={problem} />
      <button type="submit" aria-busy={submitting} disabled={submitting}>
        Create event
      </button>
    </form>
  );
}
