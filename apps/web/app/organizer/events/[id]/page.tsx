import type { Metadata } from 'next';
import { RequireRole } from '@/features/auth/require-role';
import { EventEditor } from '@/features/event-editor/event-editor';

export const metadata: Metadata = { title: 'Edit event' };

export default async function EditEventPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <RequireRole roles={['organizer', 'admin']}>
      <EventEditor eventId={id} />
    </RequireRole>
  );
}
