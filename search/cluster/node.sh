#!/usr/bin/env bash
# A single-node OpenSearch for development and CI (see README.md, "Zoeken (search)").
#
#   node.sh build             build the launcher with Maven (only when pom.xml or src/ changed)
#   node.sh run               build, then run in the foreground until SIGTERM / Ctrl-C
#   node.sh start [--no-wait] build, start in the background, wait until the cluster is ready
#   node.sh wait              wait until the node on $SEARCH_CLUSTER_PORT answers green/yellow
#   node.sh stop              stop the background node cleanly (SIGTERM) and wait for it
#
# SEARCH_CLUSTER_PORT (default 9201): HTTP port on 127.0.0.1.
# SEARCH_CLUSTER_HEAP (default 512m): Java heap.
# SEARCH_CLUSTER_DATA: keep the data in this folder (kept on exit); default a temporary
#   folder that is removed when the node stops.
# SEARCH_CLUSTER_START_TIMEOUT (default 180): seconds to wait for the node to be ready.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
PORT=${SEARCH_CLUSTER_PORT:-9201}
HEAP=${SEARCH_CLUSTER_HEAP:-512m}
TARGET=$HERE/target
PIDFILE=$TARGET/node-$PORT.pid
LOG=$TARGET/node-$PORT.log
export SEARCH_CLUSTER_PORT=$PORT

build() {
  local stamp=$TARGET/.built
  if [ -f "$stamp" ] && [ -z "$(find "$HERE/pom.xml" "$HERE/src" -newer "$stamp" -print -quit)" ]; then
    return
  fi
  echo "search cluster: building the launcher with Maven" >&2
  mvn -q -B -f "$HERE/pom.xml" package -DskipTests >&2
  touch "$stamp"
}

run() {
  build
  exec java -Xms"$HEAP" -Xmx"$HEAP" -XX:+UseSerialGC -Dfile.encoding=UTF-8 \
    -cp "$TARGET/classes:$TARGET/lib/*" nl.socialekaart.cluster.Launcher
}

ready() {
  python3 - "$PORT" <<'EOF'
import json, sys, urllib.request
url = f"http://127.0.0.1:{sys.argv[1]}/_cluster/health?wait_for_status=yellow&timeout=1s"
try:
    with urllib.request.urlopen(url, timeout=3) as response:
        status = json.load(response)["status"]
except Exception:
    sys.exit(1)
sys.exit(0 if status in ("green", "yellow") else 1)
EOF
}

wait_ready() {
  local limit=${SEARCH_CLUSTER_START_TIMEOUT:-180} started=$SECONDS
  until ready; do
    if [ -f "$PIDFILE" ] && ! kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
      echo "search cluster: the node on port $PORT stopped while starting; its log:" >&2
      tail -n 40 "$LOG" >&2
      exit 1
    fi
    if [ $((SECONDS - started)) -ge "$limit" ]; then
      echo "search cluster: not ready on port $PORT after ${limit} s; log: $LOG" >&2
      exit 1
    fi
    sleep 1
  done
  echo "search cluster: ready on http://127.0.0.1:$PORT (waited $((SECONDS - started)) s)"
}

start() {
  if [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
    echo "search cluster: already running on port $PORT (pid $(cat "$PIDFILE"))"
  else
    build
    "$0" run >"$LOG" 2>&1 </dev/null &
    echo $! >"$PIDFILE"
    echo "search cluster: starting on port $PORT (pid $!, log $LOG)"
  fi
  if [ "${1:-}" != "--no-wait" ]; then
    wait_ready
  fi
}

stop() {
  [ -f "$PIDFILE" ] || { echo "search cluster: not running on port $PORT"; return; }
  local pid
  pid=$(cat "$PIDFILE")
  if kill -TERM "$pid" 2>/dev/null; then
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then
      echo "search cluster: pid $pid did not stop within 30 s; killing it" >&2
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$PIDFILE"
  echo "search cluster: stopped (port $PORT)"
}

case "${1:-}" in
  build) build ;;
  run) run ;;
  start) start "${2:-}" ;;
  wait) wait_ready ;;
  stop) stop ;;
  *) sed -n '2,15p' "$0" >&2; exit 2 ;;
esac
