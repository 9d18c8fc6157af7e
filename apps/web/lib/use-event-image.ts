'use client';

import { ApiError } from '@eventhub/client';
import { useEffect, useState } from 'react';
import { useAuth } from './auth-context';

/**
 * A displayable URL for an event's image in the organizer portal. A plain <img> cannot send the
 * access token, and a draft's image is only served to its organizer, so the editor fetches it
 * with the token and shows it from a blob URL.
 */
export function useEventImage(
  eventId: string,
  imageUrl: string | null,
): { src: string | null; failed: boolean } {
  const { authed } = useAuth();
  const [state, setState] = useState<{ src: string | null; failed: boolean }>({ src: null, failed: false });

  useEffect(() => {
    if (!imageUrl) {
      setState({ src: null, failed: false });
      return;
    }
    let objectUrl: string | null = null;
    let current = true;
    const v = new URL(imageUrl, 'http://localhost').searchParams.get('v') ?? undefined;
    authed(async (client) => {
      const { data, response } = await client.raw.GET('/api/events/{id}/image', {
        params: { path: { id: eventId }, query: { v } },
        parseAs: 'blob',
      });
      if (!response.ok || !data) {
        throw new ApiError({
          type: 'about:blank',
          title: response.statusText,
          status: response.status,
          code: 'http_error',
        });
      }
      return data;
    }).then(
      (blob) => {
        if (!current) return;
        objectUrl = URL.createObjectURL(blob);
        setState({ src: objectUrl, failed: false });
      },
      (error: unknown) => {
        if (!current) return;
        console.warn('Loading the event image failed', error);
        setState({ src: null, failed: true });
      },
    );
    return () => {
      current = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [eventId, imageUrl, authed]);

  return state;
}
