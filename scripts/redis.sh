#!/usr/bin/env bash
# A throw-away Redis for the queue tests (Debian's redis-server package):
# `start DIR` starts it on 127.0.0.1:63790 only, nothing persisted, and prints
# its URL; `stop DIR` stops it. REDIS_PORT picks another port.
set -euo pipefail
cmd=${1:?start|stop}; dir=${2:?a scratch folder}
port=${REDIS_PORT:-63790}
case "$cmd" in
  start)
    mkdir -p "$dir"
    redis-server --bind 127.0.0.1 --port "$port" --protected-mode yes --save '' --appendonly no \
      --dir "$dir" --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" --daemonize yes
    # Ready when it answers; BullMQ needs nothing evicted under memory pressure.
    for _ in $(seq 50); do redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
    redis-cli -h 127.0.0.1 -p "$port" config set maxmemory-policy noeviction >/dev/null
    echo "redis://127.0.0.1:$port" ;;
  # Waits for it to exit, so its last log line is written before the folder is removed.
  stop)
    [ -f "$dir/redis.pid" ] || exit 0
    pid=$(cat "$dir/redis.pid"); kill "$pid" 2>/dev/null || exit 0
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done ;;
esac
