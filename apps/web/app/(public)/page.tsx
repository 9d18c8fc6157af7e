import Link from 'next/link';

export default function HomePage() {
  return (
    <>
      <section>
        <hgroup>
          <h1>EventHub</h1>
          <p>Tickets for conferences, concerts and meetups — sold, paid and scanned in one place.</p>
        </hgroup>
        <p>
          Organizers publish events with ticket tiers and promo codes, follow sales as they happen and check
          guests in at the door with a QR scanner. Attendees buy tickets in a few steps and keep them in their
          account.
        </p>
        <p>
          <Link href="/signup">Create an account</Link> or <Link href="/login">log in</Link>.
        </p>
      </section>
      <section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">Upcoming events</h2>
        <p>No events yet. Check back soon.</p>
      </section>
    </>
  );
}
