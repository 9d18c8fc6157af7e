import { ApiError, type Problem } from '@eventhub/client';

/**
 * The ApiError for a failed call made on `api.raw`: the API's problem details when the body
 * carried them, else one made from the status (as @eventhub/client's own wrappers do).
 */
export function apiErrorOf(response: Response, body?: unknown): ApiError {
  const problem: Problem =
    body && typeof body === 'object' && 'code' in body
      ? (body as Problem)
      : {
          type: 'about:blank',
          title: response.statusText || `HTTP ${response.status}`,
          status: response.status,
          code: 'http_error',
        };
  return new ApiError(problem);
}
