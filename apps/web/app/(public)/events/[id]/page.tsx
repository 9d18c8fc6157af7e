import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import {
  EventDetails,
  eventSummary,
  loadPublicEvent,
  loadPublicQuestions,
} from '@/features/events/event-details';
import { publicOrigin } from '@/lib/server-api';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const event = await loadPublicEvent(id);
  if (!event) return { title: 'Event not found' };
  const origin = await publicOrigin();
  const description = eventSummary(event);
  return {
    title: event.name,
    description,
    openGraph: {
      type: 'website',
      siteName: 'EventHub',
      title: event.name,
      description,
      url: `${origin}/events/${event.id}`,
      ...(event.imageUrl ? { images: [{ url: `${origin}${event.imageUrl}` }] } : {}),
    },
    twitter: { card: event.imageUrl ? 'summary_large_image' : 'summary' },
  };
}

/** The public page of one event, rendered on the server; drafts and unknown ids are a 404. */
export default async function EventPage({ params }: Props) {
  const { id } = await params;
  const [event, questions] = await Promise.all([loadPublicEvent(id), loadPublicQuestions(id)]);
  if (!event) notFound();

  return <EventDetails event={event} questions={questions} />;
}
