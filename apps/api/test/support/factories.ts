import { randomUUID } from 'node:crypto';
import { ensureAdmin } from '@eventhub/core';
import type { TestEnv } from './test-env';

export interface SignedIn {
  user: { id: string; email: string; role: string; name: string };
  accessToken: string;
  refreshToken: string;
  password: string;
}

export const GOOD_PASSWORD = 'correct horse battery staple';

export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.test`;
}

/** Signs up through the API; overrides go straight into the request body. */
export async function signUp(env: TestEnv, overrides: Record<string, unknown> = {}): Promise<SignedIn> {
  const body = { email: uniqueEmail(), password: GOOD_PASSWORD, name: 'Test User', ...overrides };
  const res = await env.app.inject({ method: 'POST', url: '/api/auth/register', payload: body });
  if (res.statusCode !== 201) throw new Error(`sign-up failed: ${res.statusCode} ${res.body}`);
  return { ...(res.json() as Omit<SignedIn, 'password'>), password: String(body.password) };
}

export async function logIn(env: TestEnv, email: string, password: string): Promise<SignedIn> {
  const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  return { ...(res.json() as Omit<SignedIn, 'password'>), password };
}

/** An admin made the way a real deployment makes its first one, then signed in. */
export async function signInAdmin(env: TestEnv): Promise<SignedIn> {
  const email = uniqueEmail('admin');
  await ensureAdmin(env.ctx, { email, password: GOOD_PASSWORD });
  return logIn(env, email, GOOD_PASSWORD);
}
