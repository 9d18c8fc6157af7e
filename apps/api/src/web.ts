import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { problem, sendProblem } from './plugins/problem';

export const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web');

interface NextServer {
  prepare(): Promise<void>;
  getRequestHandler(): (req: unknown, res: unknown) => Promise<void>;
  close?(): Promise<void>;
}

export function webBuildExists(): boolean {
  return existsSync(path.join(WEB_DIR, '.next', 'BUILD_ID'));
}

/**
 * Serves the Next.js web app from this process, so the web app and /api share one origin.
 * Every path outside /api (and the operations endpoints) goes to Next with its body untouched.
 */
export async function mountWeb(app: FastifyInstance, options: { dev: boolean }): Promise<void> {
  const requireFromWeb = createRequire(path.join(WEB_DIR, 'package.json'));
  const nextModule = (await import(requireFromWeb.resolve('next'))) as { default: (o: object) => NextServer };
  const nextApp = nextModule.default({ dev: options.dev, dir: WEB_DIR, quiet: true });
  await nextApp.prepare();
  const handle = nextApp.getRequestHandler();

  await app.register(async (web) => {
    // Leave request bodies as raw streams for Next.
    web.removeAllContentTypeParsers();
    web.addContentTypeParser('*', (_request, _payload, done) => done(null));
    web.route({
      method: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      url: '/*',
      schema: { hide: true },
      // Next sets each page's policy, with its script nonce (apps/web/proxy.ts).
      config: { ownContentSecurityPolicy: true },
      handler: async (request, reply) => {
        if (request.url === '/api' || request.url.startsWith('/api/')) {
          return sendProblem(
            reply,
            problem(404, 'route_not_found', `No route ${request.method} ${request.url.split('?')[0]}`),
          );
        }
        reply.hijack();
        await handle(request.raw, reply.raw);
      },
    });
  });
  app.addHook('onClose', async () => {
    await nextApp.close?.();
  });
}
