# syntax=docker/dockerfile:1
# EventHub: one image serving the API and the web app (node apps/api/dist/main.js).
#
#   docker build -t eventhub .
#   docker run --read-only --tmpfs /tmp -v eventhub-data:/data -p 3000:3000 \
#     -e JWT_SECRET=… -e APP_SECRET=… -e METRICS_TOKEN=… -e DATABASE_URL=postgres://… eventhub
#
# NODE_IMAGE picks the base: the official Node 20 image by default; any Debian bookworm image with
# Node 20 laid out the same way (node in /usr/local/bin, headers in /usr/local/include/node) works,
# e.g. the one scripts/container/setup-podman.sh makes where no registry can be reached.
ARG NODE_IMAGE=node:20-bookworm-slim

# Toolchain and dependencies: rebuilt only when a package manifest or the lockfile changes.
FROM ${NODE_IMAGE} AS deps
LABEL org.opencontainers.image.title=EventHub
# better-sqlite3 compiles against Node's headers when no prebuilt binary can be downloaded.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV npm_config_nodedir=/usr/local \
    npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false \
    NEXT_TELEMETRY_DISABLED=1
# Where the registry sits behind a TLS-intercepting proxy, pass its CA as a build secret
# (--secret id=ca,src=/etc/ssl/certs/ca-certificates.crt); it never lands in a layer.
ARG NPM_REGISTRY=https://registry.npmjs.org/
# Manifests first, so the dependency layer is rebuilt only when they change.
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY packages/core/package.json packages/core/
COPY packages/client/package.json packages/client/
RUN --mount=type=secret,id=ca \
    if [ -s /run/secrets/ca ]; then export NPM_CONFIG_CAFILE=/run/secrets/ca; fi; \
    npm ci --registry="$NPM_REGISTRY" --no-audit --no-fund \
 && node -e "require('better-sqlite3')(':memory:').close()"

# Production dependencies only, without the native build's intermediate files.
FROM deps AS prod-deps
RUN npm prune --omit=dev --no-audit --no-fund \
 && rm -rf node_modules/better-sqlite3/deps node_modules/better-sqlite3/src \
    node_modules/better-sqlite3/build/deps node_modules/better-sqlite3/build/Release/obj.target \
    node_modules/better-sqlite3/build/Release/.deps

# The server bundle (apps/api/dist) and the web app's build (apps/web/.next).
FROM deps AS build
COPY . .
RUN npm run build \
 && test -f apps/api/dist/main.js \
 && test -f apps/web/.next/BUILD_ID \
 && rm -rf apps/web/.next/cache

FROM ${NODE_IMAGE} AS runtime-base
LABEL org.opencontainers.image.title=EventHub
# tini runs as PID 1 so SIGTERM reaches node, which drains requests and closes the database.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 eventhub \
 && useradd --system --uid 10001 --gid eventhub --home-dir /data --no-create-home eventhub \
 && mkdir -p /data/uploads \
 && chown -R eventhub:eventhub /data

FROM runtime-base AS runtime
WORKDIR /app
# Code stays owned by root and read-only to the app; only /data (and /tmp) is written at run time.
# Dependencies first: these layers are reused while the lockfile is unchanged.
COPY --from=prod-deps /app/package.json /app/package-lock.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=prod-deps /app/packages/core/package.json packages/core/
COPY --from=prod-deps /app/packages/client/package.json packages/client/
COPY --from=prod-deps /app/apps/api/package.json apps/api/
COPY --from=prod-deps /app/apps/web/package.json apps/web/
COPY --from=build /app/apps/api/dist apps/api/dist
# Next reads its config (TypeScript, compiled at start with its bundled SWC) and tsconfig.
COPY --from=build /app/tsconfig.base.json ./
COPY --from=build /app/apps/web/next.config.ts /app/apps/web/tsconfig.json apps/web/
COPY --from=build /app/apps/web/.next apps/web/.next
# Next's runtime cache (fetch and image caches) goes to /tmp, so the root filesystem can be read-only.
RUN ln -s /tmp/next-cache apps/web/.next/cache
# MALLOC_ARENA_MAX and MALLOC_TRIM_THRESHOLD_: glibc's settings from scripts/server-env.mjs (why:
# there; a test keeps both alike). An API-only replica (SERVE_WEB=false) should also get
# NODE_OPTIONS=--max-semi-space-size=2, as `npm start` gives it; the image serves the web app too.
ENV NODE_ENV=production \
    MALLOC_ARENA_MAX=2 \
    MALLOC_TRIM_THRESHOLD_=131072 \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data \
    UPLOAD_DIR=/data/uploads \
    NEXT_TELEMETRY_DISABLED=1
USER eventhub
VOLUME ["/data"]
EXPOSE 3000
# Ready means the database answers and migrations are current (fetch is built into Node 20).
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "apps/api/dist/main.js"]
