import Ajv, { type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

const COMMON: Options = { removeAdditional: true, useDefaults: true, allErrors: true, strict: false };

/**
 * Two validators: query strings, params and headers arrive as text and are coerced to their
 * schema types; JSON bodies already carry types and are never coerced (coercion would turn a
 * `null` meant as "no limit" into 0).
 */
export function installValidators(app: FastifyInstance): void {
  const coercing = addFormats(new Ajv({ ...COMMON, coerceTypes: 'array' }));
  const strict = addFormats(new Ajv({ ...COMMON, coerceTypes: false }));
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' ? strict : coercing).compile(schema),
  );
}
