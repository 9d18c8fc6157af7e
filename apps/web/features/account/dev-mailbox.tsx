'use client';

import { Fragment, useState } from 'react';
import { mailboxEntries, mailboxMessage, type MailboxEntry } from './dev-mailbox-api';
import { mailHeader, readMail } from './mime-text';
import { FormAlert } from '@/components/form-alert';
import { formatPlacedAt } from '@/features/orders/order-dates';
import { useApiData } from '@/lib/use-api-data';

const SHOWN_HEADERS = ['From', 'To', 'Subject', 'Date'] as const;

/** One message: its main headers and its plain-text body, never its HTML. */
function MailMessage({ entry }: { entry: MailboxEntry }) {
  const loaded = useApiData((client) => mailboxMessage(client, entry.id), entry.id);
  const mail = loaded.data === null ? null : readMail(loaded.data);
  return (
    <article aria-labelledby="mail-subject" className="mail-message" data-testid="mail-message">
      <h2 id="mail-subject">{entry.subject}</h2>
      <FormAlert message={loaded.error} />
      {mail ? (
        <>
          <dl className="facts">
            {SHOWN_HEADERS.map((name) => {
              const value = mailHeader(mail, name);
              return value ? (
                <Fragment key={name}>
                  <dt>{name}</dt>
                  <dd>{value}</dd>
                </Fragment>
              ) : null;
            })}
          </dl>
          {mail.text === null ? (
            <p>This message has no plain-text part.</p>
          ) : (
            <pre className="mail-text">{mail.text}</pre>
          )}
        </>
      ) : loaded.error ? null : (
        <p aria-busy="true">Loading the message…</p>
      )}
    </article>
  );
}

/** The local demo mailbox: the mail this server wrote to disk instead of sending it. */
export function DevMailbox() {
  // Wrapped, so that "no mailbox" (null items) differs from "not loaded yet" (null data).
  const list = useApiData(async (client) => ({ items: await mailboxEntries(client) }), 'mailbox');
  const [selected, setSelected] = useState<MailboxEntry | null>(null);

  if (list.data === null) {
    return list.error ? <FormAlert message={list.error} /> : <p aria-busy="true">Loading…</p>;
  }
  const { items } = list.data;
  if (items === null) return <p>No local mailbox: mail is sent by SMTP.</p>;
  return (
    <>
      <p className="row-actions">
        <span role="status">
          {items.length} {items.length === 1 ? 'message' : 'messages'}
        </span>
        <button type="button" className="secondary outline compact" onClick={list.reload}>
          Refresh
        </button>
      </p>
      {items.length > 0 ? (
        <ul className="manage-list" aria-label="Messages" aria-busy={list.loading}>
          {items.map((entry) => (
            <li key={entry.id}>
              <button
                type="button"
                className="link-button"
                aria-pressed={selected?.id === entry.id}
                onClick={() => setSelected(entry)}
              >
                {entry.subject}
              </button>{' '}
              <small>
                to {entry.to} · <time dateTime={entry.date}>{formatPlacedAt(entry.date)}</time>
              </small>
            </li>
          ))}
        </ul>
      ) : (
        <p>No mail yet.</p>
      )}
      {selected ? <MailMessage key={selected.id} entry={selected} /> : null}
    </>
  );
}
