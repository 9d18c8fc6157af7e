'use client';

import type { Api } from '@eventhub/client';
import { useEffect, useRef, useState } from 'react';
import { useAuth } from './auth-context';
import type { ApiCall } from './use-api-data';

export interface BlobImage {
  src: string | null;
  failed: boolean;
}

/**
 * A displayable URL for an image the API serves only with the access token or an order's token (a
 * plain <img> cannot send either): fetched with the token, shown from a blob URL, revoked when `key` changes or the
 * component leaves the screen. A null `key` shows nothing.
 */
export function useAuthorizedBlobUrl(
  key: string | null,
  load: (client: Api) => Promise<Blob>,
  what: string,
  /** How to reach the API, when not as the signed-in user (stable, like `useApiData`'s). */
  via?: ApiCall,
): BlobImage {
  const { authed: asUser } = useAuth();
  const authed = via ?? asUser;
  const [state, setState] = useState<BlobImage>({ src: null, failed: false });
  // The loader is a new closure each render; the key says when to load again.
  const loader = useRef(load);
  loader.current = load;

  useEffect(() => {
    if (key === null) {
      setState({ src: null, failed: false });
      return;
    }
    let objectUrl: string | null = null;
    let current = true;
    authed((client) => loader.current(client)).then(
      (blob) => {
        if (!current) return;
        objectUrl = URL.createObjectURL(blob);
        setState({ src: objectUrl, failed: false });
      },
      (error: unknown) => {
        if (!current) return;
        console.warn(`Loading ${what} failed`, error);
        setState({ src: null, failed: true });
      },
    );
    return () => {
      current = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [key, authed, what]);

  return state;
}
