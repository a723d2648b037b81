#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on loopback, runs the given command with DATABASE_URL
# pointing at it, and always stops and removes the cluster afterwards.
#   scripts/throwaway-postgres.sh npm test
# PG_SERVER_OPTIONS adds server settings (benchmarks: "-c shared_buffers=2GB").
# Installs Debian's postgresql when the server binaries are missing. Postgres refuses to run as
# root, so as root the cluster belongs to the `postgres` system user (created by the package).
set -euo pipefail

find_bin() {
  local name=$1
  if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return; fi
  ls /usr/lib/postgresql/*/bin/"$name" 2>/dev/null | sort -V | tail -n 1
}

if [ -z "$(find_bin initdb)" ]; then
  echo "PostgreSQL server binaries not found; installing Debian's postgresql…" >&2
  if [ "$(id -u)" -ne 0 ]; then echo "need root to apt-get install postgresql" >&2; exit 1; fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
INITDB=$(find_bin initdb)
PG_CTL=$(find_bin pg_ctl)

PGDIR=$(mktemp -d /tmp/datadesk-pg.XXXXXX)
PORT=${PGPORT_OVERRIDE:-$(( 20000 + RANDOM % 20000 ))}
RUN_AS=()
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin postgres
  chown postgres "$PGDIR"
  RUN_AS=(runuser -u postgres --)
fi

stop_cluster() {
  "${RUN_AS[@]}" "$PG_CTL" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PGDIR"
}
trap stop_cluster EXIT

"${RUN_AS[@]}" "$INITDB" -D "$PGDIR/data" -U datadesk --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
"${RUN_AS[@]}" "$PG_CTL" -D "$PGDIR/data" -l "$PGDIR/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $PGDIR -c max_connections=200 -c fsync=off -c synchronous_commit=off ${PG_SERVER_OPTIONS:-}" start >/dev/null

export DATABASE_URL="postgresql://datadesk@127.0.0.1:$PORT/postgres"
echo "throwaway PostgreSQL on 127.0.0.1:$PORT" >&2
set +e
"$@"
status=$?
set -e
exit $status
