import type { TestEnv } from '../test-env';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every "METHOD /path" the app serves, read from Fastify's own route tree (`printRoutes`), which
 * also lists routes hidden from the OpenAPI document. Each line is a path segment under its
 * parent (four characters of indentation per level) with the methods served there.
 */
function servedRoutes(env: TestEnv): Set<string> {
  const tree = env.app.printRoutes({ commonPrefix: false });
  const routes = new Set<string>();
  const prefixes: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^((?:│ {3}| {4})*)(?:├── |└── )(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    const path = (depth > 0 ? prefixes[depth - 1]! : '') + match[2]!;
    prefixes[depth] = path;
    prefixes.length = depth + 1;
    for (const method of (match[3] ?? '').split(', ').filter(Boolean)) routes.add(`${method} ${path}`);
  }
  return routes;
}

export function writeRoutes(env: TestEnv): string[] {
  return [...servedRoutes(env)].filter((route) => WRITE_METHODS.has(route.split(' ')[0]!)).sort();
}

/** The write operations of the OpenAPI document, as "METHOD /path/:param". */
export function documentedWriteRoutes(env: TestEnv): string[] {
  const paths = (env.app.swagger() as { paths?: Record<string, Record<string, unknown>> }).paths ?? {};
  return Object.entries(paths).flatMap(([path, operations]) =>
    Object.keys(operations)
      .map((method) => method.toUpperCase())
      .filter((method) => WRITE_METHODS.has(method))
      .map((method) => `${method} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
  );
}
