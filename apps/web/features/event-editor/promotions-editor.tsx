'use client';

import type { Event, Promotion, PromotionInput } from '@eventhub/client';
import { useRef, useState, type FormEvent } from 'react';
import { optionalInt } from './event-form';
import { currencyStep } from './money-input';
import { ConfirmAction } from '@/components/confirm-action';
import { FieldError, fieldAria } from '@/components/field-error';
import { FormAlert } from '@/components/form-alert';
import { useAuth } from '@/lib/auth-context';
import { errorMessage } from '@/lib/error-message';
import { formatInZone, formatMoney } from '@/lib/event-format';
import { NO_PROBLEM, toFormProblem, type FormProblem, type CodeMessages } from '@/lib/form-problem';
import { useFocusFirstInvalid } from '@/lib/use-focus-first-invalid';
import { zonedInputToIso } from '@/lib/zoned-time';

const FIELDS = [
  'code',
  'kind',
  'value',
  'maxUses',
  'validFrom',
  'validUntil',
  'minQuantity',
  'ticketTypeIds',
] as const;
const MESSAGES: CodeMessages = {
  promo_code_taken: 'This event already has a promo code with that name (codes ignore upper and lower case).',
};

interface Props {
  event: Event;
  onChange: (update: (event: Event) => Event) => void;
}

function discount(promo: Promotion, currency: string): string {
  return promo.kind === 'percent' ? `${promo.value} % off` : `${formatMoney(promo.value, currency)} off`;
}

function validity(promo: Promotion, timezone: string): string {
  if (!promo.validFrom && !promo.validUntil) return 'Always';
  if (!promo.validUntil) return `From ${formatInZone(promo.validFrom!, timezone)}`;
  if (!promo.validFrom) return `Until ${formatInZone(promo.validUntil, timezone)}`;
  return `${formatInZone(promo.validFrom, timezone)} – ${formatInZone(promo.validUntil, timezone)}`;
}

function appliesTo(promo: Promotion, event: Event): string {
  const tiers = promo.ticketTypeIds
    ? promo.ticketTypeIds.map(
        (id) => event.ticketTypes.find((t) => t.id === id)?.name ?? 'a removed ticket type',
      )
    : null;
  const parts = [tiers ? tiers.join(', ') : 'All ticket types'];
  if (promo.minQuantity > 1) parts.push(`from ${promo.minQuantity} tickets`);
  return parts.join('; ');
}

function PromotionRow({ event, promo, onChange }: Props & { promo: Promotion }) {
  const { authed } = useAuth();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const readOnly = event.status === 'cancelled';

  async function remove() {
    setBusy(true);
    setError(null);
    try {
      await authed((client) => client.events.promotions.remove(event.id, promo.id));
      onChange((e) => ({ ...e, promotions: (e.promotions ?? []).filter((p) => p.id !== promo.id) }));
    } catch (reason) {
      setError(errorMessage(reason));
      setBusy(false);
    }
  }

  return (
    <tr data-testid={`promo-${promo.code}`}>
      <td>
        <code>{promo.code}</code>
      </td>
      <td>{discount(promo, event.currency)}</td>
      <td>
        {promo.uses}
        {promo.maxUses !== null ? ` / ${promo.maxUses}` : ''}
      </td>
      <td>{validity(promo, event.timezone)}</td>
      <td>{appliesTo(promo, event)}</td>
      <td>
        {readOnly ? null : (
          <ConfirmAction
            label={
              <>
                Delete<span className="visually-hidden"> {promo.code}</span>
              </>
            }
            question={`Delete ${promo.code}?`}
            confirmLabel="Yes, delete"
            onConfirm={remove}
            busy={busy}
            className="contrast outline compact"
          />
        )}
        {error ? (
          <small role="alert" className="field-error">
            {error}
          </small>
        ) : null}
      </td>
    </tr>
  );
}

function PromotionForm({ event, onChange }: Props) {
  const { authed } = useAuth();
  const formRef = useRef<HTMLFormElement>(null);
  const [kind, setKind] = useState<'percent' | 'fixed'>('percent');
  const [problem, setProblem] = useState<FormProblem>(NO_PROBLEM);
  const [added, setAdded] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useFocusFirstInvalid(formRef, problem);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formElement = e.currentTarget;
    const form = new FormData(formElement);
    const tiers = form.getAll('ticketTypeIds').map(String);
    const maxUses = optionalInt(form, 'maxUses');
    const validFrom = zonedInputToIso(String(form.get('validFrom') ?? ''), event.timezone);
    const validUntil = zonedInputToIso(String(form.get('validUntil') ?? ''), event.timezone);
    // Optional fields left empty are left out: no limit, no window, every ticket type.
    const body: PromotionInput = {
      code: String(form.get('code') ?? '').trim(),
      kind,
      value: Number(form.get('value') ?? 0),
      minQuantity: optionalInt(form, 'minQuantity') ?? 1,
      ...(maxUses !== null ? { maxUses } : {}),
      ...(validFrom ? { validFrom } : {}),
      ...(validUntil ? { validUntil } : {}),
      ...(tiers.length > 0 ? { ticketTypeIds: tiers } : {}),
    };
    setSaving(true);
    setAdded(null);
    try {
      const promo = await authed((client) => client.events.promotions.create(event.id, body));
      onChange((ev) => ({ ...ev, promotions: [...(ev.promotions ?? []), promo] }));
      setProblem(NO_PROBLEM);
      setAdded(`${promo.code} added.`);
      formElement.reset();
      setKind('percent');
    } catch (error) {
      setProblem(toFormProblem(error, FIELDS, MESSAGES));
    } finally {
      setSaving(false);
    }
  }

  const { fields } = problem;
  const input = (name: (typeof FIELDS)[number], id: string, hint?: string) => ({
    id,
    name,
    ...fieldAria(id, fields[name], hint),
  });

  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      className="add-panel event-form"
      aria-labelledby="add-promo-heading"
    >
      <h3 id="add-promo-heading">Add a promo code</h3>
      <FormAlert message={problem.message} />

      <label htmlFor="promo-code">Code</label>
      <input
        {...input('code', 'promo-code', 'promo-code-hint')}
        required
        minLength={3}
        maxLength={40}
        pattern="[A-Za-z0-9][A-Za-z0-9_\-]{2,39}"
        autoCapitalize="characters"
        autoComplete="off"
        spellCheck={false}
      />
      <FieldError id="promo-code-error" message={fields.code} />
      <small id="promo-code-hint">3–40 letters, digits, - or _. Customers may type it in any case.</small>

      <div className="grid">
        <div>
          <label htmlFor="promo-kind">Discount type</label>
          <select
            {...input('kind', 'promo-kind')}
            value={kind}
            onChange={(e) => setKind(e.target.value === 'fixed' ? 'fixed' : 'percent')}
          >
            <option value="percent">Percentage off</option>
            <option value="fixed">Fixed amount off</option>
          </select>
          <FieldError id="promo-kind-error" message={fields.kind} />
        </div>
        <div>
          <label htmlFor="promo-value">
            {kind === 'percent' ? 'Percent off' : `Amount off (${event.currency})`}
          </label>
          <input
            {...input('value', 'promo-value')}
            type="number"
            inputMode="decimal"
            required
            min={kind === 'percent' ? 1 : 0}
            max={kind === 'percent' ? 100 : undefined}
            step={kind === 'percent' ? 1 : currencyStep(event.currency)}
          />
          <FieldError id="promo-value-error" message={fields.value} />
        </div>
      </div>

      <div className="grid">
        <div>
          <label htmlFor="promo-max-uses">Maximum uses (optional)</label>
          <input {...input('maxUses', 'promo-max-uses')} type="number" inputMode="numeric" min={1} step={1} />
          <FieldError id="promo-max-uses-error" message={fields.maxUses} />
        </div>
        <div>
          <label htmlFor="promo-min-quantity">Minimum tickets per order</label>
          <input
            {...input('minQuantity', 'promo-min-quantity')}
            type="number"
            inputMode="numeric"
            min={1}
            max={1000}
            step={1}
            defaultValue={1}
          />
          <FieldError id="promo-min-quantity-error" message={fields.minQuantity} />
        </div>
      </div>

      <div className="grid">
        <div>
          <label htmlFor="promo-valid-from">Valid from (optional)</label>
          <input {...input('validFrom', 'promo-valid-from', 'promo-validity-hint')} type="datetime-local" />
          <FieldError id="promo-valid-from-error" message={fields.validFrom} />
        </div>
        <div>
          <label htmlFor="promo-valid-until">Valid until (optional)</label>
          <input {...input('validUntil', 'promo-valid-until', 'promo-validity-hint')} type="datetime-local" />
          <FieldError id="promo-valid-until-error" message={fields.validUntil} />
        </div>
      </div>
      <small id="promo-validity-hint">In the event&apos;s time zone, {event.timezone}.</small>

      {event.ticketTypes.length > 0 ? (
        <fieldset
          aria-describedby={fields.ticketTypeIds ? 'promo-tiers-error promo-tiers-hint' : 'promo-tiers-hint'}
        >
          <legend>Only for these ticket types</legend>
          {event.ticketTypes.map((tier) => (
            <label key={tier.id}>
              <input type="checkbox" name="ticketTypeIds" value={tier.id} />
              {tier.name}
            </label>
          ))}
          <small id="promo-tiers-hint">None checked: the code works for every ticket type.</small>
          <FieldError id="promo-tiers-error" message={fields.ticketTypeIds} />
        </fieldset>
      ) : null}

      <button type="submit" aria-busy={saving} disabled={saving}>
        Add promo code
      </button>
      <div role="status">{added ? <p className="form-status">{added}</p> : null}</div>
    </form>
  );
}

/** The event's promo codes with their uses, and a form to add one. */
export function PromotionsEditor({ event, onChange }: Props) {
  const promotions = event.promotions ?? [];
  return (
    <section aria-labelledby="promos-heading">
      <h2 id="promos-heading">Promo codes</h2>
      {promotions.length === 0 ? (
        <p>No promo codes yet.</p>
      ) : (
        <div className="table-scroll" role="region" aria-label="Promo codes" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">Discount</th>
                <th scope="col">Uses</th>
                <th scope="col">Valid</th>
                <th scope="col">Applies to</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {promotions.map((promo) => (
                <PromotionRow key={promo.id} event={event} promo={promo} onChange={onChange} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {event.status === 'cancelled' ? null : <PromotionForm event={event} onChange={onChange} />}
    </section>
  );
}
