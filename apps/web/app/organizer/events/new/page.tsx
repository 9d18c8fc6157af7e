import type { Metadata } from 'next';
import Link from 'next/link';
import { RequireRole } from '@/features/auth/require-role';
import { NewEventForm } from '@/features/event-editor/new-event-form';

export const metadata: Metadata = { title: 'New event' };

export default function NewEventPage() {
  return (
    <RequireRole roles={['organizer', 'admin']}>
      <p>
        <Link href="/organizer">← My events</Link>
      </p>
      <h1>New event</h1>
      <p>The event starts as a draft: add ticket types, promo codes and an image, then publish it.</p>
      <NewEventForm />
    </RequireRole>
  );
}
