#!/usr/bin/env bash
# A throw-away PostgreSQL for the storage and API tests (Debian's postgresql
# package): `start DIR` initialises and starts it on 127.0.0.1:54329 and
# prints its URL; `stop DIR` stops it. Run as root (CI) or as a user who may
# run initdb; as root the server runs as the postgres user.
set -euo pipefail
cmd=${1:?start|stop}; dir=${2:?a scratch folder}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
case "$cmd" in
  start)
    mkdir -p "$dir"; [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as "$bin/initdb -D $dir/pg -A trust -U tieup >/dev/null && $bin/pg_ctl -D $dir/pg -w -o '-k $dir -p 54329 -c listen_addresses=127.0.0.1 -c fsync=on' -l $dir/pg.log start >/dev/null"
    echo "postgres://tieup@127.0.0.1:54329/postgres" ;;
  stop) as "$bin/pg_ctl -D $dir/pg -m fast stop >/dev/null" ;;
esac
