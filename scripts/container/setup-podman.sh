#!/usr/bin/env bash
# Makes this machine able to build and run the EventHub image without Docker or a registry
# (see /work/shared/docs/CONTAINERS.md): podman from Debian, its config, a Debian base image made
# with debootstrap and a Node 20 image made from the host's own node. Every step is skipped when
# already done, so CI calls it on each run and only pays for what is missing.
set -euo pipefail
trap 'echo "setup-podman: failed at line $LINENO" >&2' ERR

BASE_IMAGE=localhost/bookworm-min
NODE_IMAGE=localhost/node20-local
NODE_LABEL=org.eventhub.node-version
t0=$SECONDS
log() { printf '[setup-podman %3ss] %s\n' "$((SECONDS - t0))" "$*"; }

missing=()
for cmd in podman runc podman-compose debootstrap; do
  command -v "$cmd" >/dev/null || missing+=("$cmd")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman runc podman-compose debootstrap >/dev/null
fi

# Without it every `podman run` fails here: root lacks CAP_SYS_RESOURCE for the default ulimits,
# and crun cannot handle this machine's mixed cgroups.
if [ ! -f /etc/containers/containers.conf ]; then
  log "writing /etc/containers/containers.conf"
  mkdir -p /etc/containers
  cat >/etc/containers/containers.conf <<'CONF'
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
CONF
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! podman image exists "$BASE_IMAGE"; then
  # The mirror apt already uses on this machine (deb822 "URIs:" or one-line "deb" format).
  mirror=$(awk '/^URIs:/ && $2 !~ /security/ { print $2; exit }
    /^deb / && $0 !~ /security/ { for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) { print $i; exit } }' \
    /dev/null $(ls /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list 2>/dev/null || true))
  mirror=${mirror:-http://deb.debian.org/debian}
  log "debootstrap bookworm from $mirror (a few minutes)"
  debootstrap --variant=minbase bookworm "$work/rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 ||
    { tail -n 30 "$work/debootstrap.log"; exit 1; }
  rm -rf "$work"/rootfs/var/cache/apt/archives/*.deb "$work"/rootfs/var/lib/apt/lists/*
  tar -C "$work/rootfs" -c . | podman import --quiet - "$BASE_IMAGE" >/dev/null
  rm -rf "$work/rootfs"
  log "built $BASE_IMAGE"
fi

# Lay the host's Node out like the official node image (binary in /usr/local/bin, headers in
# /usr/local/include/node), so the Dockerfile builds native modules the same way on both.
node_version=$(node --version)
current=$(podman image inspect --format "{{ index .Config.Labels \"$NODE_LABEL\" }}" "$NODE_IMAGE" 2>/dev/null || true)
if [ "$current" != "$node_version" ]; then
  log "building $NODE_IMAGE with node $node_version (had: ${current:-none})"
  ctx="$work/node"
  mkdir -p "$ctx/usr/local/bin" "$ctx/usr/local/lib/node_modules" "$ctx/usr/local/include"
  cp "$(command -v node)" "$ctx/usr/local/bin/node"
  cp -a "$(npm root -g)/npm" "$ctx/usr/local/lib/node_modules/npm"
  node_include="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")/include/node"
  cp -a "$node_include" "$ctx/usr/local/include/node"
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$ctx/usr/local/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$ctx/usr/local/bin/npx"
  cat >"$ctx/Containerfile" <<CF
FROM $BASE_IMAGE
COPY usr/local /usr/local
LABEL $NODE_LABEL=$node_version
ENV NODE_VERSION=${node_version#v}
CMD ["node"]
CF
  podman build --quiet -t "$NODE_IMAGE" -t "$NODE_IMAGE:${node_version#v}" "$ctx" >/dev/null
  podman run --rm "$NODE_IMAGE" node -e 'console.log("node", process.version, "runs in", process.env.NODE_VERSION)'
  log "built $NODE_IMAGE"
fi
log "ready: $(podman --version), $BASE_IMAGE, $NODE_IMAGE ($node_version)"
