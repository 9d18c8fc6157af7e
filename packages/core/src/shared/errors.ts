/** What kind of failure a domain error is; the API maps each kind to one HTTP status. */
export type ErrorKind =
  'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'too_large' | 'rate_limited';

export interface FieldError {
  field: string;
  message: string;
}

/** Base of every expected failure in the core; `code` is the stable snake_case API error code. */
export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly extra: { errors?: FieldError[]; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class ValidationError extends DomainError {
  constructor(errors: FieldError[], code = 'validation_failed') {
    super('invalid', code, errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string) {
    super('not_found', 'not_found', `${what} not found`);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You are not allowed to do this') {
    super('forbidden', 'forbidden', message);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(code = 'unauthenticated', message = 'Authentication required') {
    super('unauthenticated', code, message);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string, extra: Record<string, unknown> = {}) {
    super('conflict', code, message, extra);
  }
}
