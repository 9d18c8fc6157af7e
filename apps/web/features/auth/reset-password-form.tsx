'use client';

import Link from 'next/link';
import { TokenPasswordForm } from './token-password-form';
import { resetPassword } from '@/features/account/account-api';
import { useAuth } from '@/lib/auth-context';
import { api } from '@/lib/session';

/** A new password for the account of a reset link's token; then every session of it has ended. */
export function ResetPasswordForm({ token }: { token: string }) {
  const { session, signOut } = useAuth();

  async function submit(password: string) {
    await resetPassword(api, token, password);
    // The reset ended every session, this tab's too if it had one.
    if (session.status === 'signed-in') await signOut();
  }

  return (
    <TokenPasswordForm
      idPrefix="reset"
      passwordLabel="New password"
      confirmLabel="Repeat the new password"
      submitLabel="Set new password"
      submit={submit}
      doneTestId="reset-done"
      done={
        <>
          <p className="form-status">
            Your password has been changed. Every session of your account was logged out.
          </p>
          <p>
            <Link href="/login">Log in with your new password</Link>
          </p>
        </>
      }
      deadLink={
        <>
          <p className="form-alert">This reset link has expired or was already used.</p>
          <p>
            <Link href="/forgot-password">Ask for a new link</Link>
          </p>
        </>
      }
    />
  );
}
