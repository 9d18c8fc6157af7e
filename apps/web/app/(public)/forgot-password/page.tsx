import type { Metadata } from 'next';
import Link from 'next/link';
import { ForgotPasswordForm } from '@/features/auth/forgot-password-form';

export const metadata: Metadata = { title: 'Forgot password' };

export default function ForgotPasswordPage() {
  return (
    <section className="narrow">
      <hgroup>
        <h1>Forgot your password?</h1>
        <p>Enter your account&apos;s e-mail address and we send you a link to choose a new one.</p>
      </hgroup>
      <ForgotPasswordForm />
      <p>
        Remembered it? <Link href="/login">Log in</Link>
      </p>
    </section>
  );
}
