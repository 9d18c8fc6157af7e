'use client';

import Link from 'next/link';
import { ChangeEmailForm } from './change-email-form';
import { ChangePasswordForm } from './change-password-form';
import { EmailVerification } from './email-verification';
import { useAuth } from '@/lib/auth-context';
import { ROLE_LABELS } from '@/lib/roles';

/** The signed-in user's profile; rendered inside <RequireRole>, so a user is always present. */
export function AccountDetails() {
  const { session } = useAuth();
  if (session.status !== 'signed-in') return null;
  const { user } = session;
  return (
    <section>
      <h1>Your account</h1>
      <dl className="facts">
        <dt>Name</dt>
        <dd>{user.name}</dd>
        <dt>Email</dt>
        <dd>
          {user.email} <EmailVerification user={user} />
        </dd>
        <dt>Role</dt>
        <dd>{ROLE_LABELS[user.role]}</dd>
      </dl>
      {user.role === 'staff' ? null : (
        <p>
          <Link href="/account/orders">Your orders and tickets</Link>
        </p>
      )}
      <p>
        <Link href="/account/mailbox">Mailbox (local demo)</Link>
      </p>
      <div className="account-forms">
        <ChangePasswordForm />
        <ChangeEmailForm />
      </div>
    </section>
  );
}
