import type { ErrorCode, ErrorCodeWithStatus } from './error-codes';

/** What kind of failure a domain error is; the API maps each kind to one HTTP status. */
export type ErrorKind =
  'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'too_large' | 'rate_limited';

/** The HTTP status each kind is answered with. */
export const STATUS_OF_KIND = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
} as const satisfies Record<ErrorKind, number>;

/** The codes a domain error of kind `K` may carry: those the catalogue sends with its status. */
export type ErrorCodeOfKind<K extends ErrorKind> = ErrorCodeWithStatus<(typeof STATUS_OF_KIND)[K]>;

export interface FieldError {
  field: string;
  message: string;
}

/** Base of every expected failure in the core; `code` is the stable snake_case API error code. */
export class DomainError<K extends ErrorKind = ErrorKind> extends Error {
  readonly code: ErrorCode;

  constructor(
    readonly kind: K,
    code: ErrorCodeOfKind<K>,
    message: string,
    readonly extra: { errors?: FieldError[]; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
  }
}

export class ValidationError extends DomainError<'invalid'> {
  constructor(errors: FieldError[], code: ErrorCodeOfKind<'invalid'> = 'validation_failed') {
    super('invalid', code, errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });
  }
}

export class NotFoundError extends DomainError<'not_found'> {
  constructor(what: string) {
    super('not_found', 'not_found', `${what} not found`);
  }
}

export class ForbiddenError extends DomainError<'forbidden'> {
  constructor(message = 'You are not allowed to do this') {
    super('forbidden', 'forbidden', message);
  }
}

export class UnauthenticatedError extends DomainError<'unauthenticated'> {
  constructor(
    code: ErrorCodeOfKind<'unauthenticated'> = 'unauthenticated',
    message = 'Authentication required',
  ) {
    super('unauthenticated', code, message);
  }
}

export class ConflictError extends DomainError<'conflict'> {
  constructor(code: ErrorCodeOfKind<'conflict'>, message: string, extra: Record<string, unknown> = {}) {
    super('conflict', code, message, extra);
  }
}
