'use client';

import { useAuthorizedBlobUrl, type BlobImage } from '../../lib/use-authorized-blob-url';
import type { ApiCall } from '../../lib/use-api-data';
import { ticketQrImage } from './orders-api';

/**
 * A displayable URL for a ticket's QR code (served only with the access token or the order's
 * token, reached through `via`). Loaded again when the ticket's code changes, e.g. after a reissue
 * or a new holder.
 */
export function useTicketQr(ticket: { id: string; code: string }, via?: ApiCall): BlobImage {
  return useAuthorizedBlobUrl(
    `${ticket.id}:${ticket.code}`,
    (client) => ticketQrImage(client, ticket.id),
    'the ticket QR code',
    via,
  );
}
