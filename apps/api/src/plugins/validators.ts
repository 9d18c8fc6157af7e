import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import Ajv, { type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

const COMMON: Options = { removeAdditional: true, useDefaults: true, allErrors: true, strict: false };

type Compiled = ((data: unknown) => unknown) & { errors?: unknown };

/**
 * Compiles on first use. fastify compiles every route's validators and response serializers at
 * start-up; most routes (admin, analytics, exports) are rarely called, and their generated code
 * and its source text stayed resident for good: ~8 MiB of a process meant to stay under 100.
 */
function lazily<T>(compile: () => T, deferred: (() => unknown)[]): T {
  let compiled: Compiled | undefined;
  const ensure = () => (compiled ??= compile() as Compiled);
  deferred.push(ensure);
  const run: Compiled = (data) => {
    const result = ensure()(data);
    // Ajv reports a failed validation's details on the function; fastify reads them there.
    run.errors = compiled!.errors;
    return result;
  };
  return run as T;
}

type SchemaControllerOptions = Parameters<FastifyInstance['setSchemaController']>[0];
type BuildSerializer = NonNullable<
  NonNullable<SchemaControllerOptions['compilersFactory']>['buildSerializer']
>;

/** fastify's own serializer factory (fast-json-stringify), each route's serializer built on first use. */
const lazySerializers =
  (deferred: (() => unknown)[]): BuildSerializer =>
  (externalSchemas, options) => {
    const build = SerializerSelector()(externalSchemas, options);
    return (route) => lazily(() => build(route), deferred);
  };

/** Each app's compilations not yet done, so a test can run them all and catch a bad schema. */
const deferredByApp = new WeakMap<FastifyInstance, (() => unknown)[]>();

/** Compiles every route's validators and serializers now: throws on the first schema that does not compile. */
export function compileEverySchema(app: FastifyInstance): number {
  const deferred = deferredByApp.get(app) ?? [];
  for (const compile of deferred) compile();
  return deferred.length;
}

/**
 * Every route's validators and response serializers, each compiled on its first request.
 * Two validators: query strings, params and headers arrive as text and are coerced to their
 * schema types; JSON bodies already carry types and are never coerced (coercion would turn a
 * `null` meant as "no limit" into 0).
 */
export function installValidators(app: FastifyInstance): void {
  const coercing = addFormats(new Ajv({ ...COMMON, coerceTypes: 'array' }));
  const strict = addFormats(new Ajv({ ...COMMON, coerceTypes: false }));
  const deferred: (() => unknown)[] = [];
  deferredByApp.set(app, deferred);
  app.setValidatorCompiler(({ schema, httpPart }) =>
    lazily(() => (httpPart === 'body' ? strict : coercing).compile(schema), deferred),
  );
  app.setSchemaController({ compilersFactory: { buildSerializer: lazySerializers(deferred) } });
}
