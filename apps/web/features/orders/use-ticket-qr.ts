'use client';

import { useAuthorizedBlobUrl, type BlobImage } from '../../lib/use-authorized-blob-url';
import { ticketQrImage } from './orders-api';

/**
 * A displayable URL for a ticket's QR code (served only with the access token). Loaded again
 * when the ticket's code changes, e.g. after a reissue.
 */
export function useTicketQr(ticket: { id: string; code: string }, enabled = true): BlobImage {
  return useAuthorizedBlobUrl(
    enabled ? `${ticket.id}:${ticket.code}` : null,
    (client) => ticketQrImage(client, ticket.id),
    'the ticket QR code',
  );
}
