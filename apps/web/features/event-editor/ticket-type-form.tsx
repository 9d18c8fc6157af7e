'use client';

import type { TicketType } from '@eventhub/client';
import type { FormEvent } from 'react';
import { ItemFormActions } from './item-form-actions';
import { currencyStep } from './money-input';
import { FieldError, fieldAria } from '@/components/field-error';
import { FormAlert } from '@/components/form-alert';
import { NO_PROBLEM, toFormProblem, type CodeMessages } from '@/lib/form-problem';
import { useFormProblem } from '@/lib/use-form-problem';

const FIELDS = ['name', 'price', 'limit', 'taxRate', 'minPerOrder', 'maxPerOrder', 'description'] as const;
const MESSAGES: CodeMessages = {
  limit_below_sold: 'The limit cannot go below the tickets already sold or held.',
};

interface Props {
  /** Unique per form on the page, for the inputs' ids. */
  idPrefix: string;
  currency: string;
  tier?: TicketType;
  submitLabel: string;
  /** Saves the tier from the submitted form; throws the API's error for the form to show. */
  onSave: (form: FormData) => Promise<void>;
  onCancel?: () => void;
  /** Empty the form after a successful save (the "add" form). */
  resetOnSave?: boolean;
}

/** Adds a ticket type, or edits one in place. */
export function TicketTypeForm({
  idPrefix,
  currency,
  tier,
  submitLabel,
  onSave,
  onCancel,
  resetOnSave,
}: Props) {
  const { formRef, problem, setProblem, submitting: saving, setSubmitting: setSaving } = useFormProblem();

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formElement = e.currentTarget;
    setSaving(true);
    try {
      await onSave(new FormData(formElement));
      setProblem(NO_PROBLEM);
      if (resetOnSave) {
        formElement.reset();
        // Ready for the next one.
        formElement.querySelector<HTMLInputElement>('input[name="name"]')?.focus();
      }
    } catch (error) {
      setProblem(toFormProblem(error, FIELDS, MESSAGES));
    } finally {
      setSaving(false);
    }
  }

  const { fields } = problem;
  const id = (name: string) => `${idPrefix}-${name}`;
  const input = (name: (typeof FIELDS)[number], hint?: string) => ({
    id: id(name),
    name,
    ...fieldAria(id(name), fields[name], hint),
  });

  return (
    <form ref={formRef} onSubmit={onSubmit} className="tier-form">
      <FormAlert message={problem.message} />
      <label htmlFor={id('name')}>Ticket name</label>
      <input
        {...input('name')}
        required
        maxLength={100}
        defaultValue={tier?.name ?? ''}
        // Editing replaces the Edit button with this form; focus must land inside it, not on <body>.
        autoFocus={Boolean(tier)}
      />
      <FieldError id={`${id('name')}-error`} message={fields.name} />

      <div className="grid">
        <div>
          <label htmlFor={id('price')}>Price ({currency})</label>
          <input
            {...input('price')}
            type="number"
            inputMode="decimal"
            required
            min={0}
            max={1_000_000}
            step={currencyStep(currency)}
            defaultValue={tier?.price ?? ''}
          />
          <FieldError id={`${id('price')}-error`} message={fields.price} />
        </div>
        <div>
          <label htmlFor={id('limit')}>Tickets available</label>
          <input
            {...input('limit')}
            type="number"
            inputMode="numeric"
            required
            min={0}
            step={1}
            defaultValue={tier?.limit ?? ''}
          />
          <FieldError id={`${id('limit')}-error`} message={fields.limit} />
        </div>
        <div>
          <label htmlFor={id('taxRate')}>Tax rate (%)</label>
          <input
            {...input('taxRate', `${id('taxRate')}-hint`)}
            type="number"
            inputMode="decimal"
            min={0}
            max={100}
            step={0.01}
            defaultValue={tier?.taxRate ?? 0}
          />
          <FieldError id={`${id('taxRate')}-error`} message={fields.taxRate} />
          <small id={`${id('taxRate')}-hint`}>E.g. 19 or 7; 0 for none.</small>
        </div>
      </div>

      <div className="grid">
        <div>
          <label htmlFor={id('minPerOrder')}>Min per order</label>
          <input
            {...input('minPerOrder')}
            type="number"
            inputMode="numeric"
            min={1}
            max={1000}
            step={1}
            defaultValue={tier?.minPerOrder ?? 1}
          />
          <FieldError id={`${id('minPerOrder')}-error`} message={fields.minPerOrder} />
        </div>
        <div>
          <label htmlFor={id('maxPerOrder')}>Max per order</label>
          <input
            {...input('maxPerOrder', `${id('maxPerOrder')}-hint`)}
            type="number"
            inputMode="numeric"
            min={1}
            max={1000}
            step={1}
            defaultValue={tier?.maxPerOrder ?? ''}
          />
          <FieldError id={`${id('maxPerOrder')}-error`} message={fields.maxPerOrder} />
          <small id={`${id('maxPerOrder')}-hint`}>Empty: no maximum.</small>
        </div>
      </div>

      <label htmlFor={id('description')}>Ticket description (optional)</label>
      <textarea {...input('description')} rows={2} maxLength={2000} defaultValue={tier?.description ?? ''} />
      <FieldError id={`${id('description')}-error`} message={fields.description} />

      <ItemFormActions submitLabel={submitLabel} submitting={saving} onCancel={onCancel} />
    </form>
  );
}
