import type { Metadata } from 'next';
import Link from 'next/link';
import { VerifyEmail } from '@/features/account/verify-email';

// The address carries the link's token: keep it out of other sites' logs and search engines.
export const metadata: Metadata = {
  title: 'Verify your e-mail',
  referrer: 'no-referrer',
  robots: { index: false, follow: false },
};

export default async function VerifyEmailPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  return (
    <section className="narrow">
      <h1>Verify your e-mail</h1>
      {typeof token === 'string' && token ? (
        <VerifyEmail token={token} />
      ) : (
        <p>
          This page needs the link from your e-mail. You can send yourself a new one from{' '}
          <Link href="/account">your account</Link>.
        </p>
      )}
    </section>
  );
}
