'use client';

import type { User } from '@eventhub/client';
import { requestVerificationEmail } from './account-api';
import { ActionFeedback } from '@/components/action-feedback';
import { useAuth } from '@/lib/auth-context';
import { useRowAction } from '@/lib/use-row-action';

/** The account's address and whether it is verified; unverified, a button mails a fresh link. */
export function EmailVerification({ user }: { user: User }) {
  const { authed } = useAuth();
  const send = useRowAction();
  return (
    <>
      <span
        data-testid="email-verified-state"
        className={`badge ${user.emailVerified ? 'badge-published' : 'badge-draft'}`}
      >
        {user.emailVerified ? 'Verified' : 'Not verified'}
      </span>
      {user.emailVerified ? null : (
        <span className="row-actions">
          <button
            type="button"
            className="secondary outline compact"
            aria-busy={send.busy || undefined}
            disabled={send.busy}
            onClick={() =>
              void send.run(async () => {
                await authed(requestVerificationEmail);
                return `Sent. Open the link we e-mailed to ${user.email} within 24 hours.`;
              })
            }
          >
            Send verification e-mail
          </button>
          <ActionFeedback error={send.error} notice={send.notice} />
        </span>
      )}
    </>
  );
}
