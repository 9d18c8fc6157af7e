#!/usr/bin/env bash
# Builds the EventHub image with podman and runs the smoke journey through it: a fresh database on
# this machine's PostgreSQL, the container read-only with /data on a volume, production settings,
# the image's HEALTHCHECK, sign-up → event → order → payment → door scan (smoke.mjs), then a stop
# that must drain within 10 s. Leaves no container, volume or database behind, pass or fail.
# Needs scripts/container/setup-podman.sh to have run. Environment:
#   SMOKE_IMAGE (localhost/eventhub:smoke)  NODE_IMAGE (localhost/node20-local)
#   SMOKE_PG (postgres://postgres@127.0.0.1:5432)  SMOKE_SKIP_BUILD=1 to reuse SMOKE_IMAGE as is
set -euo pipefail
cd "$(dirname "$0")/../.."

IMAGE=${SMOKE_IMAGE:-localhost/eventhub:smoke}
NODE_IMAGE=${NODE_IMAGE:-localhost/node20-local}
PG=${SMOKE_PG:-postgres://postgres@127.0.0.1:5432}
NAME=eventhub-smoke-$$
DB=eventhub_smoke_$$
PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
URL=http://127.0.0.1:$PORT
CA=/etc/ssl/certs/ca-certificates.crt

# Podman here has no systemd to time health checks and says so on every run/stop of an image with
# a HEALTHCHECK; that line is noise (the check itself is run by hand below).
quiet() { "$@" 2> >(grep -v 'unable to get systemd connection' >&2); }

t0=$SECONDS
mark=$SECONDS
current=
timings=()
step() {
  printf '\n--- %s (at %ss)\n' "$1" "$((SECONDS - t0))"
  current=$1
  mark=$SECONDS
}
done_step() { timings+=("$(printf '%5ss  %s' "$((SECONDS - mark))" "$current")"); }

cleanup() {
  local status=$?
  set +e
  if [ "$status" -ne 0 ] && podman container exists "$NAME" 2>/dev/null; then
    echo "--- container log (last 60 lines)"
    podman logs --tail 60 "$NAME" 2>&1
  fi
  podman rm -f -t 0 "$NAME" >/dev/null 2>&1
  podman volume rm -f "$NAME-data" >/dev/null 2>&1
  psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" 2>/dev/null
  [ "$status" -ne 0 ] && echo "smoke: FAILED (exit $status)" >&2
  exit "$status"
}
trap cleanup EXIT

# One podman build; its output goes to the CI log only when it fails.
build() {
  local log
  log=$(mktemp)
  # Docker format keeps the HEALTHCHECK (the OCI image format has no field for it).
  if ! podman build --format docker --layers \
    --build-arg "NODE_IMAGE=$NODE_IMAGE" \
    --build-arg "NPM_REGISTRY=$(npm config get registry)" \
    "${secret[@]}" "$@" . >"$log" 2>&1; then
    tail -n 80 "$log"
    rm -f "$log"
    return 1
  fi
  echo "podman build $*: $(grep -c '^--> Using cache' "$log") of $(grep -c '^\[[0-9]/[0-9]\] STEP' "$log") steps from the layer cache"
  grep -E '^Built apps/api|Compiled successfully|^added [0-9]+ packages' "$log" || true
  rm -f "$log"
}

if [ "${SMOKE_SKIP_BUILD:-}" != 1 ]; then
  step "build $IMAGE from $NODE_IMAGE"
  secret=()
  [ -s "$CA" ] && secret=(--secret "id=ca,src=$CA")
  # The stages that change only with the lockfile are tagged, so their layers stay in the cache
  # when the prune below removes the untagged leftovers of earlier builds.
  build --target prod-deps -t localhost/eventhub-cache:prod-deps
  build --target runtime-base -t localhost/eventhub-cache:runtime-base
  build -t "$IMAGE"
  podman image prune -f --filter label=org.opencontainers.image.title=EventHub >/dev/null
  done_step
fi

step "image checks: size, health check, native modules, non-root"
podman image ls --format '{{.Repository}}:{{.Tag}} {{.Size}}' "$IMAGE"
health=$(podman image inspect --format '{{.Config.Healthcheck}}' "$IMAGE")
case $health in *readyz*) ;; *) echo "image has no /readyz HEALTHCHECK: $health"; exit 1 ;; esac
quiet podman run --rm --read-only "$IMAGE" node -e '
  const db = require("better-sqlite3")(":memory:"); db.close();
  require("@node-rs/argon2"); require("sharp");
  if (process.getuid() === 0) throw new Error("runs as root");
  console.log("native modules load; uid", process.getuid(), "node", process.version);'
done_step

step "fresh database $DB"
psql "$PG/postgres" -qc "CREATE DATABASE $DB"
done_step

step "start the container (read-only root, /data volume, production mode) on $URL"
podman volume create "$NAME-data" >/dev/null
admin_password=$(openssl rand -hex 12)
metrics_token=$(openssl rand -hex 24)
quiet podman run -d --name "$NAME" --network host --read-only --tmpfs /tmp \
  -v "$NAME-data:/data" \
  -e NODE_ENV=production -e HOST=127.0.0.1 -e "PORT=$PORT" -e "PUBLIC_URL=$URL" \
  -e "DATABASE_URL=$PG/$DB" \
  -e "JWT_SECRET=$(openssl rand -hex 32)" -e "APP_SECRET=$(openssl rand -hex 32)" \
  -e "METRICS_TOKEN=$metrics_token" \
  -e ADMIN_EMAIL=admin@smoke.example.test -e "ADMIN_PASSWORD=$admin_password" \
  "$IMAGE" >/dev/null
for i in $(seq 1 120); do
  if [ "$(podman inspect --format '{{.State.Running}}' "$NAME")" != true ]; then
    echo "container exited before it was ready"
    exit 1
  fi
  curl -fsS -o /dev/null "$URL/readyz" 2>/dev/null && break
  [ "$i" = 120 ] && { echo "/readyz not 200 after 60 s"; exit 1; }
  sleep 0.5
done
# The image's own HEALTHCHECK, run by podman inside the container.
podman healthcheck run "$NAME"
echo "ready; health check: healthy"
done_step

step "container is locked down"
uid=$(podman exec "$NAME" id -u)
[ "$uid" = 10001 ] || { echo "runs as uid $uid"; exit 1; }
if podman exec "$NAME" sh -c 'touch /app/written 2>/dev/null'; then echo "root filesystem is writable"; exit 1; fi
podman exec "$NAME" sh -c 'test -w /data/uploads'
echo "uid 10001, /app read-only, /data/uploads writable"
done_step

step "smoke journey through $URL"
SMOKE_URL=$URL METRICS_TOKEN=$metrics_token ADMIN_EMAIL=admin@smoke.example.test ADMIN_PASSWORD=$admin_password \
  node scripts/container/smoke.mjs
podman exec "$NAME" sh -c 'ls /data/uploads | head -n 3'
podman stats --no-stream --format 'memory {{.MemUsage}}  cpu {{.CPU}}' "$NAME"
done_step

step "stop: SIGTERM drains"
stop_start=$(date +%s%N)
quiet podman stop -t 10 "$NAME" >/dev/null
stop_ms=$((($(date +%s%N) - stop_start) / 1000000))
stop_seconds=$(printf '%d.%03d' $((stop_ms / 1000)) $((stop_ms % 1000)))
exit_code=$(podman inspect --format '{{.State.ExitCode}}' "$NAME")
echo "stopped in ${stop_seconds}s, exit code $exit_code"
podman logs "$NAME" 2>&1 | grep -q '"msg":"shutting down"' || { echo "no graceful shutdown in the log"; exit 1; }
if [ "$stop_ms" -ge 10000 ]; then echo "stop took ${stop_seconds}s: SIGTERM did not drain"; exit 1; fi
[ "$exit_code" = 0 ] || { echo "exit code $exit_code after SIGTERM"; exit 1; }
done_step

printf '\n--- timings\n'
printf '%s\n' "${timings[@]}"
printf '%5ss  total\n' "$((SECONDS - t0))"
echo "smoke: passed"
