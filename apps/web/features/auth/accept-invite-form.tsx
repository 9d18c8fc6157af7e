'use client';

import Link from 'next/link';
import { useState } from 'react';
import { TokenPasswordForm } from './token-password-form';
import { api, refreshSession } from '@/lib/session';

/** Door staff accept an organizer's invitation: they choose their password and are signed in. */
export function AcceptInviteForm({ token }: { token: string }) {
  const [email, setEmail] = useState('');

  async function submit(password: string) {
    const result = await api.auth.acceptStaffInvite({ token, password });
    setEmail(result.user.email);
    // The answer set this browser's login cookie: take the session over from it.
    await refreshSession();
  }

  return (
    <TokenPasswordForm
      idPrefix="invite"
      passwordLabel="Choose a password"
      confirmLabel="Repeat the password"
      submitLabel="Set password and sign in"
      submit={submit}
      doneTestId="invite-accepted"
      done={
        <>
          <p className="form-status">
            Your password is set and you are signed in as {email}. Next time, log in with this address and
            password.
          </p>
          <p>
            <Link href="/scanner" className="button-link">
              Open the scanner
            </Link>
          </p>
        </>
      }
      deadLink={
        <>
          <p className="form-alert">
            This invitation has expired, was already used, or was withdrawn. Ask the organizer who invited you
            to send a new one.
          </p>
          <p>
            Already set your password? <Link href="/login">Log in</Link>
          </p>
        </>
      }
    />
  );
}
