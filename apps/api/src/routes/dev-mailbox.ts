import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { NotFoundError } from '@eventhub/core';
import { Type } from 'typebox';
import type { AppContext } from '../context';
import { outboxDir } from '../mail/mailer';
import { actorOf } from '../plugins/auth';
import { errors } from '../schemas/common';
import type { TypedApp } from '../typed-app';

const MailEntry = Type.Object({
  id: Type.String(),
  to: Type.String(),
  subject: Type.String(),
  date: Type.String(),
});
type Entry = { id: string; to: string; subject: string; date: string };

/**
 * Local mode only (no SMTP_URL): the mail EventHub would have sent, as written to DATA_DIR/outbox.
 * Admins see every message, everyone else only what was addressed to them.
 */
export async function devMailboxRoutes(app: TypedApp, { ctx }: { ctx: AppContext }) {
  const dir = outboxDir(ctx.config);

  async function visibleEntries(userId: string, role: string): Promise<Entry[]> {
    const files = await readdir(dir).catch(() => [] as string[]);
    const user = await ctx.db
      .selectFrom('users')
      .select('email')
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    const entries = await Promise.all(
      files
        .filter((f) => f.endsWith('.json'))
        .map(async (f) => JSON.parse(await readFile(path.join(dir, f), 'utf8')) as Entry),
    );
    return entries
      .filter((e) => role === 'admin' || e.to.toLowerCase() === user.email)
      .sort((a, b) => (a.date < b.date ? 1 : -1));
  }

  app.get(
    '/api/dev/mailbox',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['development'],
        summary: 'Local mode: e-mails written to DATA_DIR/outbox instead of being sent',
        response: { 200: Type.Object({ items: Type.Array(MailEntry) }), ...errors(401) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return { items: await visibleEntries(actor.userId, actor.role) };
    },
  );

  app.get(
    '/api/dev/mailbox/:id',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['development'],
        summary: 'Local mode: one message as raw RFC 5322 text (.eml)',
        params: Type.Object({ id: Type.String({ pattern: '^[\\w.-]{1,160}$' }) }),
        response: { 200: Type.String(), ...errors(401, 404) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const entry = (await visibleEntries(actor.userId, actor.role)).find((e) => e.id === request.params.id);
      if (!entry) throw new NotFoundError('Message');
      return reply
        .type('text/plain; charset=utf-8')
        .send(await readFile(path.join(dir, `${entry.id}.eml`), 'utf8'));
    },
  );
}
