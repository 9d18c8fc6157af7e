import type { Metadata } from 'next';
import Link from 'next/link';
import { LoginForm } from '@/components/login-form';

export const metadata: Metadata = { title: 'Log in' };

export default function LoginPage() {
  return (
    <section className="narrow">
      <h1>Log in</h1>
      <LoginForm />
      <p>
        New to EventHub? <Link href="/signup">Create an account</Link>
      </p>
    </section>
  );
}
