'use client';

import { ApiError } from '@eventhub/client';
import { useAuthorizedBlobUrl, type BlobImage } from '../../lib/use-authorized-blob-url';

/**
 * A displayable URL for an event's image in the organizer portal: a draft's image is only served
 * to its organizer, with the access token.
 */
export function useEventImage(eventId: string, imageUrl: string | null): BlobImage {
  return useAuthorizedBlobUrl(
    imageUrl,
    async (client) => {
      const v = new URL(imageUrl ?? '', 'http://localhost').searchParams.get('v') ?? undefined;
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
    },
    'the event image',
  );
}
