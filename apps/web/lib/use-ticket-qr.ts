'use client';

import { ticketQrImage } from './orders-api';
import { useAuthorizedBlobUrl, type BlobImage } from './use-authorized-blob-url';

/** A displayable URL for a ticket's QR code (served only with the access token). */
export function useTicketQr(ticketId: string, enabled = true): BlobImage {
  return useAuthorizedBlobUrl(
    enabled ? ticketId : null,
    (client) => ticketQrImage(client, ticketId),
    'the ticket QR code',
  );
}
