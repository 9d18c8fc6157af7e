import type { Metadata } from 'next';
import Link from 'next/link';
import { FindTicketsForm } from '@/features/orders/find-tickets-form';

export const metadata: Metadata = { title: 'Find my tickets' };

/** For buyers without an account (or without their link): their orders' links, by e-mail. */
export default function FindTicketsPage() {
  return (
    <section className="narrow">
      <hgroup>
        <h1>Find my tickets</h1>
        <p>Enter the e-mail address you bought with. We send it a link to each of its orders.</p>
      </hgroup>
      <FindTicketsForm />
      <p>
        Have an account? <Link href="/login?next=%2Faccount%2Forders">Log in to see your orders</Link>
      </p>
    </section>
  );
}
