#!/usr/bin/env bash
# Starts a streaming replica of the throwaway server of with-postgres.sh, for
# the read-replica test: pg_basebackup into a new folder in /tmp (the server
# runs as postgres, who must reach it), a free port on 127.0.0.1, hot
# standby. Prints the replica's port and its folder.
#   start-replica.sh                start one
#   start-replica.sh --stop FOLDER  stop it and remove FOLDER
set -euo pipefail

pgbin=${METERDESK_TEST_PG_BIN:?run under scripts/with-postgres.sh}
as_owner=()
[ "$(id -u)" -eq 0 ] && as_owner=(runuser -u postgres --)

if [ "${1:-}" = "--stop" ]; then
  dir=${2:?folder}
  "${as_owner[@]}" "$pgbin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  exit 0
fi

dir=$(mktemp -d /tmp/meterdesk-replica.XXXXXX)
primary_port=$(printf '%s' "${METERDESK_TEST_PG:?}" | sed -E 's|.*:([0-9]+)/.*|\1|')
[ ${#as_owner[@]} -gt 0 ] && chown postgres:postgres "$dir"
# -R writes standby.signal and the primary's address; the WAL streams.
"${as_owner[@]}" "$pgbin/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U postgres -D "$dir/data" -R -X stream -c fast \
  >"$dir/basebackup.log" 2>&1 || { cat "$dir/basebackup.log" >&2; exit 1; }
for attempt in 1 2 3 4 5 6 7 8; do
  port=$(( 20000 + (RANDOM % 20000) ))
  # Later lines win: the copied settings name the primary's port and folder.
  printf "port = %s\nunix_socket_directories = '%s'\nhot_standby = on\n" "$port" "$dir" \
    | "${as_owner[@]}" tee -a "$dir/data/postgresql.auto.conf" >/dev/null
  if "${as_owner[@]}" "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start >/dev/null 2>&1; then
    echo "$port $dir"
    exit 0
  fi
done
echo "start-replica: the replica did not start" >&2
cat "$dir/server.log" >&2 || true
rm -rf "$dir"
exit 1
