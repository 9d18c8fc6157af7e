import { ERROR_CODE_LIST, ERROR_CODES, type ErrorCode, type ErrorCodeEntry } from '@eventhub/core';
import { Type, type Static, type TSchema } from 'typebox';

/** The error codes as the OpenAPI document lists them: generated from the catalogue in core. */
function errorCodeTable(): string {
  const rows = ERROR_CODE_LIST.map((code) => {
    const { status, meaning } = ERROR_CODES[code] as ErrorCodeEntry;
    return `| \`${code}\` | ${status} | ${meaning.replace(/\|/g, '\\|')} |`;
  });
  return ['| code | status | meaning |', '|---|---|---|', ...rows].join('\n');
}

/** RFC 9457 problem details, registered once (`addSchema`) and referenced by every error answer. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    code: Type.Unsafe<ErrorCode>({
      type: 'string',
      enum: ERROR_CODE_LIST,
      description: 'Stable snake_case error code, one of the catalogue listed in this schema',
    }),
    errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
  },
  {
    $id: 'Problem',
    title: 'Problem',
    additionalProperties: true,
    description: `RFC 9457 problem details. Every \`code\` the API can answer with:\n\n${errorCodeTable()}`,
    'x-error-codes': Object.fromEntries(
      ERROR_CODE_LIST.map((code) => {
        const { status, meaning, otherStatuses } = ERROR_CODES[code] as ErrorCodeEntry;
        return [code, { status, meaning, ...(otherStatuses ? { otherStatuses } : {}) }];
      }),
    ),
  },
);

export const Problem = Type.Unsafe<Static<typeof ProblemSchema>>({
  $ref: 'Problem#',
  description: 'RFC 9457 problem details',
});

/** The error answers a route documents, all as problem details. */
export function errors(...statuses: number[]): Record<number, typeof Problem> {
  return Object.fromEntries(statuses.map((s) => [s, Problem]));
}

export const IsoDateTime = Type.String({ format: 'date-time' });
export const Id = Type.String({ minLength: 1, maxLength: 64 });

export const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
};

export function Paged<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    page: Type.Integer(),
    pageSize: Type.Integer(),
    total: Type.Integer(),
  });
}

export const NoContent = Type.Null({ description: 'No content' });

/**
 * `T | null`. For a schema with a single primitive `type` this is `type: [T, "null"]` rather than
 * `anyOf`: the response serializer handles a type list directly, while `anyOf` makes it validate
 * every value at run time to pick a branch (measurably slower on hot routes).
 */
export function Nullable<T extends TSchema>(schema: T) {
  const primitive = (schema as { type?: unknown }).type;
  if (typeof primitive === 'string' && primitive !== 'object' && primitive !== 'array') {
    return Type.Unsafe<Static<T> | null>({ ...schema, type: [primitive, 'null'] });
  }
  return Type.Union([schema, Type.Null()]);
}
