'use client';

import type { Ticket } from '@eventhub/client';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { FieldError, fieldAria } from '@/components/field-error';
import { FormAlert } from '@/components/form-alert';
import { toFormProblem } from '@/lib/form-problem';
import { useFormProblem } from '@/lib/use-form-problem';

export interface HolderChange {
  holderName: string;
  holderEmail?: string;
}

const FIELDS = ['holderName', 'holderEmail'] as const;

/**
 * "Change holder" on a ticket: a small inline form for the new holder's name and e-mail. The API
 * gives the ticket a new code, so the old one (forwarded or printed) stops admitting anyone.
 */
export function TicketHolderForm({
  ticket,
  onChange,
}: {
  ticket: Ticket;
  onChange: (ticket: Ticket, change: HolderChange) => Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const { formRef, problem, setProblem, submitting, setSubmitting } = useFormProblem();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const base = `holder-${ticket.id}`;

  // Opening moves focus into the form; closing (saved or not) gives it back to the toggle.
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open) nameRef.current?.focus();
    else if (wasOpen.current) toggleRef.current?.focus();
    wasOpen.current = open;
  }, [open]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('holderEmail') ?? '').trim();
    setSubmitting(true);
    try {
      await onChange(ticket, {
        holderName: String(form.get('holderName') ?? '').trim(),
        ...(email ? { holderEmail: email } : {}),
      });
      setNotice('Holder changed. The ticket has a new QR code; the old one no longer admits anyone.');
      setOpen(false);
    } catch (error) {
      setProblem(toFormProblem(error, FIELDS));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <div className="ticket-holder">
      <button
        ref={toggleRef}
        type="button"
        className="secondary outline compact"
        aria-expanded={open}
        aria-controls={open ? `${base}-form` : undefined}
        onClick={() => {
          setNotice(null);
          setOpen((o) => !o);
        }}
      >
        Change holder<span className="visually-hidden"> of the ticket for {ticket.holderName}</span>
      </button>
      <small role="status">{notice}</small>
      {open ? (
        <form id={`${base}-form`} ref={formRef} onSubmit={onSubmit} className="ticket-holder-form">
          <FormAlert message={problem.message} />
          <label htmlFor={`${base}-name`}>New holder&apos;s name</label>
          <input
            ref={nameRef}
            id={`${base}-name`}
            name="holderName"
            required
            maxLength={100}
            autoComplete="off"
            defaultValue={ticket.holderName}
            {...fieldAria(`${base}-name`, problem.fields.holderName)}
          />
          <FieldError id={`${base}-name-error`} message={problem.fields.holderName} />
          <label htmlFor={`${base}-email`}>New holder&apos;s email (optional)</label>
          <input
            id={`${base}-email`}
            name="holderEmail"
            type="email"
            maxLength={254}
            autoComplete="off"
            defaultValue={ticket.holderEmail ?? ''}
            {...fieldAria(`${base}-email`, problem.fields.holderEmail)}
          />
          <FieldError id={`${base}-email-error`} message={problem.fields.holderEmail} />
          <div className="row-actions">
            <button type="submit" className="compact" aria-busy={submitting} disabled={submitting}>
              Save holder
            </button>
            <button type="button" className="secondary outline compact" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
