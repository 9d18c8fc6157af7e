'use client';

import { ApiError, type User } from '@eventhub/client';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { verifyEmail } from './account-api';
import { useAuth } from '@/lib/auth-context';
import { api } from '@/lib/session';

type Outcome =
  | { state: 'checking' }
  | { state: 'verified'; user: User }
  | { state: 'dead-link' }
  | { state: 'taken' }
  | { state: 'failed'; message: string };

// One request per token and page load: StrictMode's second effect, or a re-render, must not spend
// the single-use token twice and then report the second answer ("already used").
const pending = new Map<string, Promise<User>>();

function verifyOnce(token: string): Promise<User> {
  let request = pending.get(token);
  if (!request) {
    request = verifyEmail(api, token);
    pending.set(token, request);
  }
  return request;
}

function outcomeOf(error: unknown): Outcome {
  if (error instanceof ApiError && error.code === 'invalid_token') return { state: 'dead-link' };
  if (error instanceof ApiError && error.code === 'email_taken') return { state: 'taken' };
  if (error instanceof ApiError) return { state: 'failed', message: error.message };
  return { state: 'failed', message: 'Could not reach EventHub. Reload the page to try again.' };
}

/**
 * Uses a verification (or e-mail change) link as the page opens and says how it went; a
 * signed-in user's session learns the verified address at once.
 */
export function VerifyEmail({ token }: { token: string }) {
  const { session, updateSignedInUser } = useAuth();
  const [outcome, setOutcome] = useState<Outcome>({ state: 'checking' });

  useEffect(() => {
    let current = true;
    verifyOnce(token).then(
      (user) => {
        updateSignedInUser(user);
        if (current) setOutcome({ state: 'verified', user });
      },
      (error: unknown) => {
        if (current) setOutcome(outcomeOf(error));
      },
    );
    return () => {
      current = false;
    };
  }, [token, updateSignedInUser]);

  const signedIn = session.status === 'signed-in';
  switch (outcome.state) {
    case 'checking':
      return <p aria-busy="true">Checking your link…</p>;
    case 'verified':
      return (
        <div role="status" data-testid="email-verified">
          <p className="form-status">
            Thank you: {outcome.user.email} is verified. Any orders you placed as a guest with this address
            are now under your account.
          </p>
          <p>
            {signedIn ? <Link href="/account/orders">Your orders</Link> : <Link href="/login">Log in</Link>}
          </p>
        </div>
      );
    case 'dead-link':
      return (
        <div role="alert">
          <p className="form-alert">This link has expired or was already used.</p>
          <p>
            {signedIn ? (
              <>
                Send yourself a new one from <Link href="/account">your account</Link>.
              </>
            ) : (
              <>
                <Link href="/login?next=%2Faccount">Log in</Link> to send yourself a new one.
              </>
            )}
          </p>
        </div>
      );
    case 'taken':
      return (
        <p role="alert" className="form-alert">
          Another account took this address in the meantime, so your account keeps its present one.
        </p>
      );
    case 'failed':
      return (
        <p role="alert" className="form-alert">
          {outcome.message}
        </p>
      );
  }
}
