import {
  databaseFailureOf,
  DomainError,
  STATUS_OF_KIND,
  type DatabaseFailure,
  type ErrorCode,
} from '@eventhub/core';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { ProblemSchema } from '../schemas/common';
import { problem, sendProblem, type ProblemBody } from './problem';

// Fastify's own 4xx errors, given stable codes instead of its FST_* names.
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'malformed_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
};

// An outage is not a bug: the client is told to come back, and how soon. A full disk takes an
// operator, so its clients are asked to wait longer than a restart or a fail-over takes.
const RETRY_UNAVAILABLE_SECONDS = 5;
const RETRY_STORAGE_FULL_SECONDS = 30;

function databaseFailureProblem(failure: DatabaseFailure, reply: FastifyReply): ProblemBody {
  const retryAfter = failure === 'storage_full' ? RETRY_STORAGE_FULL_SECONDS : RETRY_UNAVAILABLE_SECONDS;
  reply.header('retry-after', String(retryAfter));
  return failure === 'storage_full'
    ? problem(507, 'storage_full', 'The database has no room left; nothing was changed', { retryAfter })
    : problem(503, 'database_unavailable', 'The database is unavailable; please retry shortly', {
        retryAfter,
      });
}

function fieldOf(
  v: { instancePath?: string; params?: Record<string, unknown> },
  context: string | undefined,
): string {
  const missing = v.params?.missingProperty ?? v.params?.additionalProperty;
  const pathPart = (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  const field = [pathPart, typeof missing === 'string' ? missing : ''].filter(Boolean).join('.');
  return field || context || 'body';
}

type AjvIssue = {
  keyword: string;
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
};

/** One entry per field; a union of constants reads "must be one of: a, b" instead of three AJV lines. */
function validationErrors(error: FastifyError): { field: string; message: string }[] {
  const byField = new Map<string, { messages: string[]; allowed: unknown[] }>();
  for (const issue of (error.validation ?? []) as AjvIssue[]) {
    const field = fieldOf(issue, error.validationContext);
    const entry = byField.get(field) ?? { messages: [], allowed: [] };
    if (issue.keyword === 'const') entry.allowed.push(issue.params?.allowedValue);
    else if (issue.keyword !== 'anyOf') entry.messages.push(issue.message ?? 'is invalid');
    byField.set(field, entry);
  }
  return [...byField].map(([field, e]) => ({
    field,
    message:
      e.allowed.length > 0 ? `must be one of: ${e.allowed.join(', ')}` : (e.messages[0] ?? 'is invalid'),
  }));
}

/** One error handler for the whole API: every failure leaves as RFC 9457 problem details. */
export const errorsPlugin = fp(async (app: FastifyInstance) => {
  // Every route's error answers refer to this one schema (`errors(...)` in schemas/common.ts).
  app.addSchema(ProblemSchema);
  app.setErrorHandler((error: FastifyError | DomainError, request, reply) => {
    if (error instanceof DomainError) {
      const { errors, retryAfter, ...rest } = error.extra;
      if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
      return sendProblem(
        reply,
        problem(STATUS_OF_KIND[error.kind], error.code, error.message, {
          ...rest,
          ...(errors ? { errors } : {}),
          ...(typeof retryAfter === 'number' ? { retryAfter } : {}),
        }),
      );
    }
    const fastifyError = error as FastifyError;
    if (fastifyError.validation) {
      const errors = validationErrors(fastifyError);
      return sendProblem(reply, problem(400, 'validation_failed', 'The request is invalid', { errors }));
    }
    const status = fastifyError.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = FASTIFY_CODES[fastifyError.code] ?? (status === 413 ? 'payload_too_large' : 'bad_request');
      return sendProblem(reply, problem(status, code, fastifyError.message));
    }
    const failure = databaseFailureOf(error);
    if (failure) {
      request.log.warn({ err: error }, `database ${failure === 'storage_full' ? 'full' : 'unavailable'}`);
      return sendProblem(reply, databaseFailureProblem(failure, reply));
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, problem(500, 'internal_error', 'Something went wrong on our side'));
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      problem(404, 'route_not_found', `No route ${request.method} ${request.url.split('?')[0]}`),
    ),
  );
});
