// `npm run build:server`: compiles the API (with packages/core and every other @eventhub/* workspace
// package bundled in) to one ESM file, apps/api/dist/main.js, that plain `node` runs, and the mail
// worker the API forks to apps/api/dist/mail-worker.js. npm packages are bundled too (tree-shaken,
// whitespace-minified), except those in EXTERNAL_PACKAGES, which load from node_modules. The
// workspace packages keep exporting their TypeScript sources for vitest, tsx and Next.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SERVER_DIST = path.join(root, 'apps/api/dist');

// Files the bundled code reads at run time by a path relative to its own module
// (`new URL('./x', import.meta.url)`, `fileURLToPath(import.meta.url)`). From apps/api/dist/ each
// still resolves, provided it is copied beside the bundle; web.ts's `../../web` is apps/web from
// dist/ as from src/. A new such read fails the build below until it is listed here.
// (`createRequire(import.meta.url)` resolves packages, which works from dist/ as from src/.)
const RUNTIME_FILES = ['packages/core/src/identity/common-passwords.txt'];
// background/mail-process.ts forks ./mail-worker.js, the second entry below, from dist/.
const KNOWN_MODULE_URL_READERS = [
  'packages/core/src/identity/password-policy.ts',
  'apps/api/src/web.ts',
  'apps/api/src/background/mail-process.ts',
];
const MODULE_RELATIVE_PATH =
  /new URL\([^)]*import\.meta\.url|fileURLToPath\(\s*import\.meta\.url|import\.meta\.(dirname|filename)/;

// apps/api/dist/main.js, what `npm start` and the container run. Source maps are off by default:
// with them on, node parses and keeps the map of every module it loads (node_modules' maps carry
// their whole sources), ~7 MiB of heap for stack traces. The bundle keeps its names and is not
// minified, so traces stay readable; `SOURCE_MAPS=true` (or NODE_OPTIONS=--enable-source-maps)
// turns them on before the bundle is compiled (they only apply to code loaded after).
const entry = (bundle) => `// Written by scripts/build-server.mjs.
if (process.env.SOURCE_MAPS === 'true') process.setSourceMapsEnabled(true);
await import('./${bundle}');
`;
// Each entry point: the file node runs, and the bundle it loads.
const ENTRIES = {
  'main.js': { bundle: 'server', source: 'apps/api/src/main.ts' },
  // Forked by every API process: renders and sends the outbox's mail off the API's heap. It needs
  // a few constants and types of packages/core, not its database code: built with the workspace
  // packages marked free of side effects, so what it does not use (and the npm packages only that
  // imports: better-sqlite3, kysely, argon2) is left out and never loaded.
  'mail-worker.js': {
    bundle: 'mail-worker-bundle',
    source: 'apps/api/src/mail/mail-worker.ts',
    treeShakeWorkspace: true,
  },
};

// npm packages node loads from node_modules at run time rather than from the bundle:
// - native modules, and what finds its files beside its own (bindings, swagger-ui's static
//   files, pino's transport worker);
// - Next, which must find its own files;
// - packages loaded by `await import()` only when needed (PostgreSQL, Redis, Stripe, PDFs, QR
//   codes, SMTP, images): bundled, their source would sit in every process's heap from start-up.
// Everything else is bundled: one module instead of ~1,500 files (typebox, kysely, ajv, fastify…),
// which cost ~4 MiB of heap in module records and source text (a heap snapshot at rest: 24 → 20 MiB).
const EXTERNAL_PACKAGES = [
  'better-sqlite3',
  '@node-rs/argon2',
  'sharp',
  'next',
  'pino',
  '@fastify/swagger-ui',
  'pg',
  'ioredis',
  'stripe',
  'pdfkit',
  'qrcode',
  'nodemailer',
];
const packageName = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');
const isExternal = (specifier) => EXTERNAL_PACKAGES.includes(packageName(specifier));

/** npm packages in EXTERNAL_PACKAGES stay `import`s resolved by node at run time; the rest are bundled. */
const externalNpmPackages = {
  name: 'external-npm-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      isExternal(args.path) ? { path: args.path, external: true } : undefined,
    );
  },
};

// Bundled CommonJS packages call require() (node's built-ins, each other): an ESM bundle has no
// `require` of its own, so esbuild's shim would throw "Dynamic require of … is not supported".
const REQUIRE_BANNER =
  "import { createRequire as __bundleRequire } from 'node:module';const require = __bundleRequire(import.meta.url);";

// Node built-ins that bundled packages require at start-up for a path we seldom or never take:
// fastify loads https and http2 for servers it starts only when asked to (TLS ends at the proxy
// here) and dns to listen on `localhost`; prom-client https for its Pushgateway. Each becomes a
// stand-in that loads the real module on the first property read (`https.createServer`): TLS,
// nghttp2 and c-ares otherwise cost ~2 MiB of RSS.
export const LAZY_BUILTINS = ['https', 'http2', 'dns'];
export const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(node:)?(${LAZY_BUILTINS.join('|')})$`) }, (args) => {
      if (args.namespace === 'lazy-builtin') return { path: args.path, external: true };
      if (args.kind !== 'require-call') return undefined;
      return { path: args.path.replace(/^node:/, ''), namespace: 'lazy-builtin' };
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      contents: `let real;module.exports=new Proxy({},{get:(_,key)=>(real??=require('node:${args.path}'))[key]});`,
      loader: 'js',
    }));
  },
};

/** Lets esbuild drop the modules of workspace packages, and npm imports, that nothing uses. */
const sideEffectFreeWorkspace = {
  name: 'side-effect-free-workspace',
  setup(b) {
    b.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData?.resolving) return undefined;
      if (isExternal(args.path)) return { path: args.path, external: true, sideEffects: false };
      const workspace = (file) => path.relative(root, file).startsWith('packages' + path.sep);
      if (!args.path.startsWith('@eventhub/') && !(args.path.startsWith('.') && workspace(args.importer)))
        return undefined;
      const resolved = await b.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { resolving: true },
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      return workspace(resolved.path) ? { ...resolved, sideEffects: false } : resolved;
    });
  },
};

/** Fails the build when a bundled file resolves a path against its own URL and is not accounted for. */
const moduleUrlReaders = {
  name: 'module-url-readers',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      const relative = path.relative(root, args.path);
      if (
        !relative.startsWith('..') &&
        !KNOWN_MODULE_URL_READERS.includes(relative) &&
        MODULE_RELATIVE_PATH.test(readFileSync(args.path, 'utf8'))
      ) {
        return {
          errors: [
            {
              text: `${relative} reads a path relative to its module: list it (and any file it reads) in scripts/build-server.mjs`,
            },
          ],
        };
      }
      return undefined;
    });
  },
};

/** One entry point's bundle, `<name>.js` (and its map) in apps/api/dist. */
function bundle(name, source, treeShakeWorkspace = false) {
  return build({
    absWorkingDir: root,
    entryPoints: { [name]: source },
    outdir: SERVER_DIST,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Linked maps without the sources: with SOURCE_MAPS=true stack traces name the .ts file and
    // line, at a fraction of the size.
    sourcemap: 'linked',
    sourcesContent: false,
    // No keepNames: it wraps every function and class in a __name() call that gives each its own
    // property array (~2 MiB of heap). Bundling renames a top-level name only where two modules
    // share it (`Type2`); our error classes set `name` themselves. Identifiers are not minified,
    // so stack traces stay readable; V8 keeps every module's source text in memory.
    minifyWhitespace: true,
    minifySyntax: true,
    banner: { js: REQUIRE_BANNER },
    plugins: [
      ...(treeShakeWorkspace ? [sideEffectFreeWorkspace] : []),
      externalNpmPackages,
      lazyBuiltins,
      moduleUrlReaders,
    ],
    logLevel: 'warning',
    metafile: true,
  });
}

export async function buildServer() {
  rmSync(SERVER_DIST, { recursive: true, force: true });
  mkdirSync(SERVER_DIST, { recursive: true });
  const results = await Promise.all(
    Object.values(ENTRIES).map((e) => bundle(e.bundle, e.source, e.treeShakeWorkspace)),
  );
  for (const [file, { bundle }] of Object.entries(ENTRIES)) {
    writeFileSync(path.join(SERVER_DIST, file), entry(`${bundle}.js`));
  }
  for (const file of RUNTIME_FILES)
    copyFileSync(path.join(root, file), path.join(SERVER_DIST, path.basename(file)));
  // What `npm start` compares against the bundle's age to decide whether to rebuild.
  const inputs = [...new Set(results.flatMap((r) => Object.keys(r.metafile.inputs))), ...RUNTIME_FILES];
  writeFileSync(path.join(SERVER_DIST, 'inputs.json'), JSON.stringify(inputs));
  return results[0];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const result = await buildServer();
  const bytes =
    Object.entries(result.metafile.outputs).find(([file]) => file.endsWith('server.js'))?.[1].bytes ?? 0;
  console.log(
    `Built apps/api/dist/main.js (bundle ${(bytes / 1024).toFixed(0)} KiB) in ${Date.now() - started} ms`,
  );
}
