import type { Api } from '@eventhub/client';
import { apiErrorOf } from '../../lib/api-problem';

export interface MailboxEntry {
  id: string;
  to: string;
  subject: string;
  date: string;
}

/**
 * The local mailbox, newest first (admins see all mail, everyone else their own); null when the
 * server has none because it sends mail by SMTP (the routes then do not exist: 404).
 */
export async function mailboxEntries(client: Api): Promise<MailboxEntry[] | null> {
  const { data, error, response } = await client.raw.GET('/api/dev/mailbox');
  if (response.status === 404) return null;
  if (!response.ok || !data) throw apiErrorOf(response, error);
  return data.items;
}

/** One message of the local mailbox as its raw RFC 5322 text (.eml). */
export async function mailboxMessage(client: Api, id: string): Promise<string> {
  const { data, error, response } = await client.raw.GET('/api/dev/mailbox/{id}', {
    params: { path: { id } },
    parseAs: 'text',
  });
  if (!response.ok || typeof data !== 'string') throw apiErrorOf(response, error);
  return data;
}
