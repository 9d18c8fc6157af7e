import type { Metadata } from 'next';
import Link from 'next/link';
import { DevMailbox } from '@/features/account/dev-mailbox';
import { RequireRole } from '@/features/auth/require-role';

export const metadata: Metadata = { title: 'Mailbox' };

export default function MailboxPage() {
  return (
    <RequireRole>
      <p>
        <Link href="/account">← Your account</Link>
      </p>
      <hgroup>
        <h1>Mailbox</h1>
        <p>The e-mails EventHub would have sent, kept on this server for a local demo.</p>
      </hgroup>
      <DevMailbox />
    </RequireRole>
  );
}
