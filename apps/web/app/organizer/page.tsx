import type { Metadata } from 'next';
import { RequireRole } from '@/features/auth/require-role';
import { OrganizerHome } from '@/features/organizer/organizer-home';

export const metadata: Metadata = { title: 'Organizer' };

export default function OrganizerPage() {
  return (
    <RequireRole roles={['organizer', 'admin', 'staff']}>
      <OrganizerHome />
    </RequireRole>
  );
}
