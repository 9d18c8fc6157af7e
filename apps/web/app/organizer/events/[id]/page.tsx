import type { Metadata } from 'next';
import { EventEditor } from '@/components/event-editor';
import { RequireRole } from '@/components/require-role';

export const metadata: Metadata = { title: 'Edit event' };

export default async function EditEventPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <RequireRole roles={['organizer', 'admin']}>
      <EventEditor eventId={id} />
    </RequireRole>
  );
}
