import type { Metadata } from 'next';
import Link from 'next/link';
import { LoginForm } from '@/features/auth/login-form';

export const metadata: Metadata = { title: 'Log in' };

// An event page the visitor came from to reserve tickets: they may buy there as a guest instead.
const EVENT_PATH = /^\/events\/[\w-]+$/;

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // Passed on as it came: the sign-up form checks it the same way the login form does.
  const { next } = await searchParams;
  const signup = typeof next === 'string' ? `/signup?${new URLSearchParams({ next })}` : '/signup';
  const fromEvent = typeof next === 'string' && EVENT_PATH.test(next) ? next : null;
  return (
    <section className="narrow">
      <h1>Log in</h1>
      {fromEvent ? (
        <p className="login-guest">
          Rather not use an account? <Link href={`${fromEvent}?checkout=guest`}>Continue as guest</Link> —
          your selection is waiting.
        </p>
      ) : null}
      <LoginForm />
      <p>
        <Link href="/forgot-password">Forgot your password?</Link>
      </p>
      <p>
        New to EventHub? <Link href={signup}>Create an account</Link>
      </p>
      <p>
        Bought tickets without an account? <Link href="/find-tickets">Find my tickets</Link>
      </p>
    </section>
  );
}
