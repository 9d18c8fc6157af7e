import type { TestEnv } from './test-env';

export interface QueuedMail {
  to: string;
  subject: string;
  text: string;
}

/** Every mail queued for `to` (sent or not), oldest first: the outbox keeps each payload. */
export async function mailsTo(env: TestEnv, to: string): Promise<QueuedMail[]> {
  const rows = await env.ctx.db.selectFrom('outbox').select(['id', 'payload']).orderBy('id').execute();
  return rows
    .map((r) => JSON.parse(r.payload) as QueuedMail)
    .filter((m) => m.to.toLowerCase() === to.toLowerCase());
}

/** The token of the newest link to the web page `page` mailed to `to`. */
export async function linkToken(
  env: TestEnv,
  to: string,
  page: 'verify-email' | 'reset-password' | 'accept-invite',
): Promise<string> {
  const prefix = `${env.config.publicUrl}/${page}?token=`;
  const links = (await mailsTo(env, to))
    .flatMap((m) => m.text.split('\n'))
    .filter((line) => line.startsWith(prefix));
  const last = links.at(-1);
  if (!last) throw new Error(`no ${page} link was mailed to ${to}`);
  return decodeURIComponent(last.slice(prefix.length));
}
