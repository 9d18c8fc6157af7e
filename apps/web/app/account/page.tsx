import type { Metadata } from 'next';
import { AccountDetails } from '@/features/account/account-details';
import { RequireRole } from '@/features/auth/require-role';

export const metadata: Metadata = { title: 'Your account' };

export default function AccountPage() {
  return (
    <RequireRole>
      <AccountDetails />
    </RequireRole>
  );
}
