'use client';

import { EmailRequestForm } from '@/components/email-request-form';
import { requestPasswordReset } from '@/features/account/account-api';
import { api } from '@/lib/session';

/** Asks for a password reset link; the answer is the same whether the address has an account. */
export function ForgotPasswordForm() {
  return (
    <EmailRequestForm
      idPrefix="forgot-password"
      submitLabel="Send reset link"
      onSend={(email) => requestPasswordReset(api, email)}
      sentMessage={(email) =>
        `If ${email} belongs to an account, we have sent it a link to choose a new password. The link works once, for one hour.`
      }
    />
  );
}
