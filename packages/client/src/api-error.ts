import type { components } from './generated/schema';

/** Every error `code` the API can answer with (its catalogue, read off the OpenAPI document). */
export type ErrorCode = components['schemas']['Problem']['code'];

/**
 * An ApiError's code: the API's, or `http_error` when the answer carried no problem details
 * (a proxy's 502, a network middlebox).
 */
export type ApiErrorCode = ErrorCode | 'http_error';

/** RFC 9457 problem details as the API sends them. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: ApiErrorCode;
  errors?: { field: string; message: string }[];
  [extra: string]: unknown;
}

/** Thrown by every client method for a non-2xx answer; `code` is the API's stable error code. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.problem = problem;
  }
}
