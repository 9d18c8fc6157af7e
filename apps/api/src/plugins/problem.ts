import { isCataloguedProblem, type ErrorCode } from '@eventhub/core';
import type { FastifyReply } from 'fastify';

/** RFC 9457 problem details, with our stable `code`. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: ErrorCode;
  [extra: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
  507: 'Insufficient Storage',
};

/** A problem body; `code` comes from the error catalogue (`@eventhub/core` ERROR_CODES). */
export function problem(
  status: number,
  code: ErrorCode,
  detail?: string,
  extra: Record<string, unknown> = {},
): ProblemBody {
  return {
    type: `urn:eventhub:problem:${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...extra,
  };
}

export function sendProblem(reply: FastifyReply, body: ProblemBody): FastifyReply {
  // The types keep codes in the catalogue; this catches what slips past them (a cast, a status the
  // catalogue does not give the code). The API tests fail on such a response too (test-env.ts).
  if (!isCataloguedProblem(body.status, body.code))
    reply.log.error({ code: body.code, status: body.status }, 'problem code not in the error catalogue');
  return reply.code(body.status).type('application/problem+json').send(body);
}
