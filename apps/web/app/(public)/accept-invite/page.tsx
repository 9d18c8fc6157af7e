import type { Metadata } from 'next';
import { AcceptInviteForm } from '@/features/auth/accept-invite-form';

// The address carries the invitation token: keep it out of other sites' logs and search engines.
export const metadata: Metadata = {
  title: 'Join as door staff',
  referrer: 'no-referrer',
  robots: { index: false, follow: false },
};

export default async function AcceptInvitePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  return (
    <section className="narrow">
      <h1>Join as door staff</h1>
      {typeof token === 'string' && token ? (
        <>
          <p>An organizer invited you to check tickets in at their events. Choose your password to start.</p>
          <AcceptInviteForm token={token} />
        </>
      ) : (
        <p>This page needs the link from your invitation e-mail.</p>
      )}
    </section>
  );
}
