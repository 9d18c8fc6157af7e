'use client';

import Link from 'next/link';
import { useEffect, useRef } from 'react';
import type { GuestBuyer } from './cart-storage';
import { FieldError, fieldAria } from '@/components/field-error';

interface Props {
  signedIn: boolean;
  /** The guest's details once the visitor chose to check out as a guest, else null. */
  guest: GuestBuyer | null;
  onGuest: (guest: GuestBuyer | null) => void;
  /** Field errors keyed "buyer:name" and "buyer:email". */
  errors: Partial<Record<string, string>>;
  busy: boolean;
  signupHref: string;
}

/**
 * The ticket selector's last step. Signed in: reserve. Signed out: log in (the selection waits
 * in this tab) or continue as a guest with a name and e-mail address, where the tickets and the
 * order's link are sent.
 */
export function CheckoutChoice({ signedIn, guest, onGuest, errors, busy, signupHref }: Props) {
  const nameRef = useRef<HTMLInputElement>(null);
  const guestMode = !signedIn && guest !== null;
  // Choosing "continue as guest" replaces the button that had focus: the first new field takes it.
  const chose = useRef(false);
  useEffect(() => {
    if (guestMode && chose.current) nameRef.current?.focus();
    chose.current = false;
  }, [guestMode]);

  if (signedIn) {
    return (
      <>
        <button type="submit" aria-busy={busy} disabled={busy}>
          Reserve tickets
        </button>
        <small>Your tickets are held for you while you pay on the next step.</small>
      </>
    );
  }

  if (guest === null) {
    return (
      <div className="checkout-choice" role="group" aria-labelledby="checkout-choice-label">
        <p id="checkout-choice-label">
          <strong>How would you like to check out?</strong>
        </p>
        <div className="row-actions">
          {/* A submit button, so Enter in the form goes the same way; the selection waits here. */}
          <button type="submit" aria-busy={busy} disabled={busy}>
            Log in to reserve
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              chose.current = true;
              onGuest({ name: '', email: '' });
            }}
          >
            Continue as guest
          </button>
        </div>
        <small>
          New here? <Link href={signupHref}>Create an account</Link>. Your selection is kept while you do.
        </small>
      </div>
    );
  }

  const field = (key: keyof GuestBuyer) => errors[`buyer:${key}`];
  return (
    <fieldset className="guest-buyer">
      <legend>Your details</legend>
      <p id="guest-buyer-hint">
        <small>We e-mail your tickets and a private link to your order to this address.</small>
      </p>
      <label htmlFor="guest-name">Your name</label>
      <input
        ref={nameRef}
        id="guest-name"
        value={guest.name}
        onChange={(e) => onGuest({ ...guest, name: e.target.value })}
        required
        maxLength={100}
        autoComplete="name"
        {...fieldAria('guest-name', field('name'))}
      />
      <FieldError id="guest-name-error" message={field('name')} />
      <label htmlFor="guest-email">Your email</label>
      <input
        id="guest-email"
        type="email"
        value={guest.email}
        onChange={(e) => onGuest({ ...guest, email: e.target.value })}
        required
        maxLength={254}
        autoComplete="email"
        {...fieldAria('guest-email', field('email'), 'guest-buyer-hint')}
      />
      <FieldError id="guest-email-error" message={field('email')} />
      <div className="row-actions">
        <button type="submit" aria-busy={busy} disabled={busy}>
          Reserve as guest
        </button>
        <button type="button" className="link-button" onClick={() => onGuest(null)}>
          Log in instead
        </button>
      </div>
      <small>Your tickets are held for you while you pay on the next step.</small>
    </fieldset>
  );
}
