import type { Metadata } from 'next';
import { AccountDetails } from '@/components/account-details';
import { RequireRole } from '@/components/require-role';

export const metadata: Metadata = { title: 'Your account' };

export default function AccountPage() {
  return (
    <RequireRole>
      <AccountDetails />
    </RequireRole>
  );
}
