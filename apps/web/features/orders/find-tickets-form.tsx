'use client';

import { EmailRequestForm } from '@/components/email-request-form';
import { api } from '@/lib/session';

/** "Find my tickets": links to every order of an address, sent to that address. */
export function FindTicketsForm() {
  return (
    <EmailRequestForm
      idPrefix="find-tickets"
      submitLabel="Send me my order links"
      onSend={async (email) => {
        await api.orders.lookup(email);
      }}
      sentMessage={(email) =>
        `If there are orders for ${email}, we have sent links to them to that address. Check your inbox (and your spam folder) in a minute.`
      }
    />
  );
}
