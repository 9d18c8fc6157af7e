'use client';

import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import { loadStripe, type Stripe } from '@stripe/stripe-js';
import { useState, type FormEvent } from 'react';
import { FormAlert } from '@/components/form-alert';

// One Stripe.js instance per key for the page's lifetime: loadStripe must not run on every render.
const instances = new Map<string, Promise<Stripe | null>>();
function stripeFor(publishableKey: string): Promise<Stripe | null> {
  let stripe = instances.get(publishableKey);
  if (!stripe) {
    stripe = loadStripe(publishableKey);
    instances.set(publishableKey, stripe);
  }
  return stripe;
}

interface Props {
  publishableKey: string;
  clientSecret: string;
  /** Where Stripe sends the buyer back after a payment method that needs a redirect. */
  returnUrl: string;
  /** Stripe accepted the payment; the server learns of it by webhook and marks the order paid. */
  onConfirmed: () => void;
}

function PaymentForm({ returnUrl, onConfirmed }: Pick<Props, 'returnUrl' | 'onConfirmed'>) {
  const stripe = useStripe();
  const elements = useElements();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function pay(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!stripe || !elements) return;
    setBusy(true);
    setError(null);
    try {
      const result = await stripe.confirmPayment({
        elements,
        confirmParams: { return_url: returnUrl },
        redirect: 'if_required',
      });
      if (result.error) {
        setError(result.error.message ?? 'The payment did not go through. Please try again.');
        return;
      }
      onConfirmed();
    } catch (reason) {
      console.error(reason);
      setError('Could not reach the payment provider. Check your connection and try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void pay(event)} className="stripe-payment">
      <PaymentElement />
      <FormAlert message={error} />
      <button type="submit" disabled={!stripe || !elements || busy} aria-busy={busy}>
        Pay
      </button>
    </form>
  );
}

/** Stripe's Payment Element for one PaymentIntent; loaded only when checkout uses Stripe. */
export default function StripePayment({ publishableKey, clientSecret, returnUrl, onConfirmed }: Props) {
  return (
    <Elements stripe={stripeFor(publishableKey)} options={{ clientSecret }}>
      <PaymentForm returnUrl={returnUrl} onConfirmed={onConfirmed} />
    </Elements>
  );
}
