'use client';

import { useEffect, useState } from 'react';
import { useAuth } from './auth-context';
import { ticketQrImage } from './orders-api';

/**
 * A displayable URL for a ticket's QR code. The image is only served with the access token, so it
 * is fetched with it and shown from a blob URL (revoked when the ticket leaves the screen).
 */
export function useTicketQr(ticketId: string, enabled = true): { src: string | null; failed: boolean } {
  const { authed } = useAuth();
  const [state, setState] = useState<{ src: string | null; failed: boolean }>({ src: null, failed: false });

  useEffect(() => {
    if (!enabled) {
      setState({ src: null, failed: false });
      return;
    }
    let objectUrl: string | null = null;
    let current = true;
    authed((client) => ticketQrImage(client, ticketId)).then(
      (blob) => {
        if (!current) return;
        objectUrl = URL.createObjectURL(blob);
        setState({ src: objectUrl, failed: false });
      },
      (error: unknown) => {
        if (!current) return;
        console.warn('Loading the ticket QR code failed', error);
        setState({ src: null, failed: true });
      },
    );
    return () => {
      current = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [ticketId, enabled, authed]);

  return state;
}
