import { ApiError } from '@eventhub/client';

/** One line for a failed action: the API's own message, or a connection problem. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  console.error(error);
  return 'Could not reach EventHub. Check your connection and try again.';
}
