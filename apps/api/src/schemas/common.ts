import { Type, type Static, type TSchema } from 'typebox';

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    code: Type.String({ description: 'Stable snake_case error code' }),
    errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
  },
  { additionalProperties: true, description: 'RFC 9457 problem details' },
);

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
