import type { Metadata } from 'next';
import Link from 'next/link';
import { LoginForm } from '@/features/auth/login-form';

export const metadata: Metadata = { title: 'Log in' };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // Passed on as it came: the sign-up form checks it the same way the login form does.
  const { next } = await searchParams;
  const signup = typeof next === 'string' ? `/signup?${new URLSearchParams({ next })}` : '/signup';
  return (
    <section className="narrow">
      <h1>Log in</h1>
      <LoginForm />
      <p>
        New to EventHub? <Link href={signup}>Create an account</Link>
      </p>
    </section>
  );
}
