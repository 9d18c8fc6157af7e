'use client';

import type { Event, TicketType } from '@eventhub/client';
import { useState } from 'react';
import { readNewTicketType, readTicketTypeChanges } from './ticket-type-body';
import { TicketTypeForm } from './ticket-type-form';
import { useEditableItem } from './use-editable-item';
import { ActionFeedback } from '@/components/action-feedback';
import { ConfirmAction } from '@/components/confirm-action';
import { useAuth } from '@/lib/auth-context';
import { formatMoney } from '@/lib/event-format';
import { priceTaxNote } from '@/lib/tax-format';

interface Props {
  event: Event;
  onChange: (update: (event: Event) => Event) => void;
}

function perOrder(tier: TicketType): string {
  if (tier.maxPerOrder === null) return tier.minPerOrder > 1 ? `at least ${tier.minPerOrder} per order` : '';
  return tier.minPerOrder === tier.maxPerOrder
    ? `${tier.minPerOrder} per order`
    : `${tier.minPerOrder}–${tier.maxPerOrder} per order`;
}

function TicketTypeItem({ event, tier, onChange }: Props & { tier: TicketType }) {
  const { authed } = useAuth();
  const item = useEditableItem();
  const { editing, startEditing, stopEditing, editRef, busy, error, notice } = item;
  const readOnly = event.status === 'cancelled';

  async function save(form: FormData) {
    const body = readTicketTypeChanges(form, tier);
    await item.save(
      body,
      () => authed((client) => client.events.ticketTypes.update(event.id, tier.id, body)),
      (updated) => {
        onChange((e) => ({
          ...e,
          ticketTypes: e.ticketTypes.map((t) => (t.id === updated.id ? updated : t)),
        }));
        return `${updated.name} saved.`;
      },
    );
  }

  async function remove() {
    await item.remove(async () => {
      await authed((client) => client.events.ticketTypes.remove(event.id, tier.id));
      onChange((e) => ({ ...e, ticketTypes: e.ticketTypes.filter((t) => t.id !== tier.id) }));
    });
  }

  const sold = tier.sold ?? 0;
  const held = tier.held ?? 0;
  const rules = perOrder(tier);
  return (
    <li className="tier-card" data-testid={`tier-${tier.name}`}>
      {editing ? (
        <TicketTypeForm
          idPrefix={`tier-${tier.id}`}
          currency={event.currency}
          tier={tier}
          submitLabel="Save ticket type"
          onSave={save}
          onCancel={stopEditing}
        />
      ) : (
        <>
          <div className="tier-head">
            <strong>{tier.name}</strong>
            <span>
              {formatMoney(tier.price, event.currency)}
              {tier.taxRate > 0 ? (
                <small className="tier-tax"> {priceTaxNote(tier.taxRate, event.pricesIncludeTax)}</small>
              ) : null}
            </span>
          </div>
          <p className="tier-facts">
            {sold} sold{held > 0 ? `, ${held} held` : ''} of {tier.limit}
            {tier.soldOut ? ' · sold out' : ''}
            {rules ? ` · ${rules}` : ''}
          </p>
          {tier.description ? <p className="tier-description">{tier.description}</p> : null}
          {readOnly ? null : (
            <div className="row-actions">
              <button ref={editRef} type="button" className="secondary compact" onClick={startEditing}>
                Edit<span className="visually-hidden"> {tier.name}</span>
              </button>
              {sold + held === 0 ? (
                <ConfirmAction
                  label={
                    <>
                      Remove<span className="visually-hidden"> {tier.name}</span>
                    </>
                  }
                  question={`Remove ${tier.name}?`}
                  confirmLabel="Yes, remove"
                  onConfirm={remove}
                  busy={busy}
                  className="contrast outline compact"
                />
              ) : null}
            </div>
          )}
        </>
      )}
      <ActionFeedback error={error} notice={notice} />
    </li>
  );
}

/** The event's ticket types: each editable in place, and a form to add another. */
export function TicketTypesEditor({ event, onChange }: Props) {
  const { authed } = useAuth();
  const [added, setAdded] = useState<string | null>(null);
  const readOnly = event.status === 'cancelled';

  async function add(form: FormData) {
    const body = readNewTicketType(form);
    setAdded(null);
    const tier = await authed((client) => client.events.ticketTypes.add(event.id, body));
    onChange((e) => ({ ...e, ticketTypes: [...e.ticketTypes, tier] }));
    setAdded(`${tier.name} added.`);
  }

  return (
    <section aria-labelledby="tiers-heading">
      <h2 id="tiers-heading">Ticket types</h2>
      {event.ticketTypes.length === 0 ? (
        <p>No ticket types yet. Add at least one before publishing.</p>
      ) : (
        <ul className="tier-cards" aria-label="Ticket types">
          {event.ticketTypes.map((tier) => (
            <TicketTypeItem key={tier.id} event={event} tier={tier} onChange={onChange} />
          ))}
        </ul>
      )}

      {readOnly ? null : (
        <div className="add-panel">
          <h3 id="add-tier-heading">Add a ticket type</h3>
          <TicketTypeForm
            idPrefix="tier-new"
            currency={event.currency}
            submitLabel="Add ticket type"
            onSave={add}
            resetOnSave
          />
          <div role="status">{added ? <p className="form-status">{added}</p> : null}</div>
        </div>
      )}
    </section>
  );
}
