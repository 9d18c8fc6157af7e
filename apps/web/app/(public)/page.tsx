import Link from 'next/link';
import { readEventFilters, type RawSearchParams } from '@/features/events/event-filters';
import { EventListing } from '@/features/events/event-listing';

/** The public home page: upcoming published events, rendered on the server; filters live in the URL. */
export default async function HomePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const filters = readEventFilters(await searchParams);

  return (
    <>
      <section>
        <hgroup>
          <h1>EventHub</h1>
          <p>Tickets for conferences, concerts and meetups — sold, paid and scanned in one place.</p>
        </hgroup>
        <p>
          Organizers publish events with ticket tiers and promo codes; attendees buy tickets in a few steps.{' '}
          <Link href="/signup">Create an account</Link> or <Link href="/login">log in</Link>.
        </p>
      </section>

      <EventListing filters={filters} />
    </>
  );
}
