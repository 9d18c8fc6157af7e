import type { Metadata } from 'next';
import { RequireRole } from '@/features/auth/require-role';
import { BusinessProfile } from '@/features/invoices/business-profile';

export const metadata: Metadata = { title: 'Business profile' };

/** An organizer's own: admins invoice nothing themselves. */
export default function BusinessProfilePage() {
  return (
    <RequireRole roles={['organizer']}>
      <BusinessProfile />
    </RequireRole>
  );
}
