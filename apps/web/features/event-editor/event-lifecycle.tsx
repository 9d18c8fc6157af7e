'use client';

import type { Event } from '@eventhub/client';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { ConfirmAction } from '@/components/confirm-action';
import { FormAlert } from '@/components/form-alert';
import { useAuth } from '@/lib/auth-context';
import { errorMessage } from '@/lib/error-message';

type Transition = 'publish' | 'unpublish' | 'cancel';

const DONE: Record<Transition, string> = {
  publish: 'The event is published: it is listed and its page is public.',
  unpublish: 'The event is unpublished: it is a draft again, hidden from the public.',
  cancel: 'The event is cancelled.',
};

/** Publish, unpublish, cancel or delete the event, each after an inline confirmation. */
export function EventLifecycle({ event, onChange }: { event: Event; onChange: (event: Event) => void }) {
  const { authed } = useAuth();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The button that was pressed is gone after a transition; focus goes to the outcome instead.
  const outcomeRef = useRef<HTMLDivElement>(null);
  const [focusOutcome, setFocusOutcome] = useState(0);
  useEffect(() => {
    if (focusOutcome > 0) outcomeRef.current?.focus();
  }, [focusOutcome]);

  async function run(transition: Transition) {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const updated = await authed((client) => client.events[transition](event.id));
      onChange(updated);
      setNotice(DONE[transition]);
    } catch (reason) {
      setError(errorMessage(reason));
    } finally {
      setBusy(false);
      setFocusOutcome((n) => n + 1);
    }
  }

  async function remove() {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await authed((client) => client.events.delete(event.id));
      router.push('/organizer');
    } catch (reason) {
      setError(errorMessage(reason));
      setBusy(false);
      setFocusOutcome((n) => n + 1);
    }
  }

  const untouched = (event.sold ?? 0) + (event.held ?? 0) === 0;
  const missing = [
    event.startsAt ? null : 'a start date',
    event.ticketTypes.length > 0 ? null : 'at least one ticket type',
  ].filter(Boolean);
  // The server refuses this too (409 starts_in_past); saying so before the click saves a round trip.
  const startsInPast =
    event.status === 'draft' && !!event.startsAt && Date.parse(event.startsAt) <= Date.now();

  return (
    <section aria-labelledby="lifecycle-heading">
      <h2 id="lifecycle-heading" className="visually-hidden">
        Status
      </h2>
      <div ref={outcomeRef} tabIndex={-1} className="lifecycle-outcome">
        <FormAlert message={error} />
        <div role="status">{notice ? <p className="form-status">{notice}</p> : null}</div>
      </div>
      {event.status === 'draft' && missing.length > 0 ? (
        <p>
          <small>To publish, add {missing.join(' and ')}.</small>
        </p>
      ) : null}
      {startsInPast ? (
        <p id="publish-past-warning" className="form-alert">
          This event&rsquo;s start date is in the past, so it cannot be published: it would be listed nowhere.
          Move the start date ahead in the details above, save, then publish.
        </p>
      ) : null}
      {event.status === 'cancelled' ? (
        <p>This event is cancelled. It can no longer be edited or put on sale.</p>
      ) : null}
      <div className="row-actions lifecycle-actions">
        {event.status === 'draft' && startsInPast ? (
          // Focusable (aria-disabled, not disabled) so a keyboard user reaches it and hears why.
          <button type="button" className="compact" aria-disabled aria-describedby="publish-past-warning">
            Publish
          </button>
        ) : null}
        {event.status === 'draft' && !startsInPast ? (
          <ConfirmAction
            label="Publish"
            question="Publish this event? It will be listed publicly."
            confirmLabel="Yes, publish"
            onConfirm={() => run('publish')}
            busy={busy}
            className="compact"
            confirmClassName="compact"
          />
        ) : null}
        {event.status === 'published' ? (
          <ConfirmAction
            label="Unpublish"
            question="Unpublish this event? It disappears from listings and becomes a draft."
            confirmLabel="Yes, unpublish"
            onConfirm={() => run('unpublish')}
            busy={busy}
          />
        ) : null}
        {event.status !== 'cancelled' ? (
          <ConfirmAction
            label="Cancel event"
            question="Cancel this event for good? Sales stop and paid orders are refunded. This cannot be undone."
            confirmLabel="Yes, cancel event"
            dismissLabel="Keep the event"
            onConfirm={() => run('cancel')}
            busy={busy}
            className="contrast outline compact"
          />
        ) : null}
        {event.status !== 'published' && untouched ? (
          <ConfirmAction
            label="Delete event"
            question="Delete this event and everything in it? This cannot be undone."
            confirmLabel="Yes, delete event"
            dismissLabel="Keep the event"
            onConfirm={remove}
            busy={busy}
            className="contrast outline compact"
          />
        ) : null}
      </div>
    </section>
  );
}
