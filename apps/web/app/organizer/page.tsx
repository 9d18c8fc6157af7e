import type { Metadata } from 'next';
import { OrganizerHome } from '@/components/organizer-home';
import { RequireRole } from '@/components/require-role';

export const metadata: Metadata = { title: 'Organizer' };

export default function OrganizerPage() {
  return (
    <RequireRole roles={['organizer', 'admin', 'staff']}>
      <OrganizerHome />
    </RequireRole>
  );
}
