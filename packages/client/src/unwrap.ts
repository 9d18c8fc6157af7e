import { ApiError, type Problem } from './api-error';

interface Result<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Unwraps an openapi-fetch result: the typed body on success, an ApiError otherwise. */
export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const { data, error, response } = await pending;
  if (response.ok) return data as T;
  const problem: Problem =
    error && typeof error === 'object' && 'code' in error
      ? (error as Problem)
      : { type: 'about:blank', title: response.statusText, status: response.status, code: 'http_error' };
  throw new ApiError(problem);
}
