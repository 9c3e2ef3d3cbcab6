#!/usr/bin/env bash
# Starts the image as production does (read-only root, UID 10001, no capabilities, no privilege
# escalation, tmpfs on /tmp and /data, rules and scenarios from mounted folders), waits for readiness
# and asks for guidance once.
#
# With podman where it can run containers. Where it cannot (this is said, with podman's own error), the
# image's file system is run without a container runtime instead: mounted by buildah, bound read-only
# in a private mount namespace with /proc and tmpfs /tmp and /data, and chroot'ed into as UID 10001.
# That still proves the image is complete on its own (no file from the build machine is reached), runs
# as its user on a read-only root, and serves; it does not apply the runtime's seccomp profile or
# capability set. Exits 0 when the call succeeded, 1 when it did not, 3 when neither way can run.
#
#   deploy/image/try-image.sh [IMAGE]
set -euo pipefail
cd "$(dirname "$0")/../.."
IMAGE=${1:-localhost/hcc-guidance:0.1.0-SNAPSHOT}
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
LOG=target/image/try.log
mkdir -p target/image
STOP=()
cleanup() { for cmd in "${STOP[@]}"; do eval "$cmd" >/dev/null 2>&1 || true; done; }
trap cleanup EXIT

# Waits for readiness, then one guidance call; $1 says how the image runs, $2 prints its log.
call_it() {
  local how=$1 logs=$2 _
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null && break
    if [ -n "${RUN_PID:-}" ] && ! kill -0 "$RUN_PID" 2>/dev/null; then break; fi
    sleep 1
  done
  local ready body
  ready=$(curl -s "http://127.0.0.1:$PORT/actuator/health/readiness" || true)
  [ "$ready" = '{"status":"UP"}' ] || { echo "$how: not ready after 240 s ($ready)" >&2; eval "$logs" | tail -30 >&2; return 1; }
  body=$(curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/guidance" -H 'Content-Type: application/json' \
           -d @bench/patient.json) || { echo "$how: the guidance call failed" >&2; eval "$logs" | tail -30 >&2; return 1; }
  echo "$how: readiness $ready; guidance $(grep -o '"rulesetVersion":"[^"]*"' <<<"$body"), first options:" \
       "$(grep -o '"code":"[A-Z_]*"' <<<"$body" | head -3 | cut -d'"' -f4 | tr '\n' ' ')"
}

if command -v podman >/dev/null; then
  NAME=hcc-guidance-try-$$
  STOP+=("podman rm -f $NAME")
  # Limits set to what an unprivileged sandbox allows (a container runtime may not raise them).
  if podman run -d --name "$NAME" --read-only --user 10001:10001 --cap-drop ALL \
        --security-opt no-new-privileges --ulimit nofile=4096:4096 --ulimit nproc=4096:4096 \
        --tmpfs /tmp:rw,size=64m,mode=1777 --tmpfs /data:rw,size=256m,mode=1777 \
        -v "$PWD/rules:/rules:ro" -v "$PWD/scenarios:/scenarios:ro" \
        -e GUIDANCE_RULES_DIR=/rules -e GUIDANCE_SCENARIOS_DIR=/scenarios \
        -p "127.0.0.1:$PORT:8080" "$IMAGE" >"$LOG" 2>&1; then
    call_it "podman" "podman logs $NAME"
    exit $?
  fi
  echo "podman cannot run containers on this machine: $(tail -1 "$LOG")"
else
  echo "podman is not installed (Debian: apt-get install podman)"
fi

command -v buildah >/dev/null && [ "$(id -u)" = 0 ] \
  || { echo "and the image's file system cannot be run without it either (needs root and buildah)" >&2; exit 3; }
echo "running the image's file system without a container runtime instead (read-only root, UID 10001)"
CTR=$(buildah from "$IMAGE")
STOP+=("buildah rm $CTR")
ROOTFS=$(buildah mount "$CTR")
# The entry point as the image declares it, with the port and folders this try uses.
ENTRY=$(buildah inspect --type image -f '{{range .OCIv1.Config.Entrypoint}}{{.}} {{end}}' "$IMAGE")
unshare -m --propagation private sh -c "
  set -e
  mount --bind '$ROOTFS' '$ROOTFS' && mount -o remount,ro,bind '$ROOTFS'
  mount -t proc proc '$ROOTFS/proc'
  mount -t tmpfs -o size=64m,mode=1777 tmpfs '$ROOTFS/tmp'
  mount -t tmpfs -o size=256m,mode=1777 tmpfs '$ROOTFS/data'
  mount --bind -o ro '$PWD/rules' '$ROOTFS/rules'
  mount --bind -o ro '$PWD/scenarios' '$ROOTFS/scenarios'
  cd '$ROOTFS/app'
  exec env -i GUIDANCE_DATA_DIR=/data GUIDANCE_RULES_DIR=/rules GUIDANCE_SCENARIOS_DIR=/scenarios LANG=C.UTF-8 \
    $(command -v chroot) --userspec=10001:10001 '$ROOTFS' $ENTRY serve --server.port=$PORT --server.address=127.0.0.1
" >"$LOG" 2>&1 &
RUN_PID=$!
STOP=("kill $RUN_PID" "${STOP[@]}")
call_it "chroot into the image" "cat $LOG"
