#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server: its own data folder, a
# free port on 127.0.0.1, and METERDESK_TEST_PG pointing at it. The server is
# stopped and its folder removed when the command ends, whatever its outcome.
set -euo pipefail

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pgbin" ] || [ ! -x "$pgbin/initdb" ]; then
  if [ "${CI:-}" = "true" ]; then
    echo "with-postgres: no PostgreSQL server binaries found (package postgresql)" >&2
    exit 1
  fi
  echo "with-postgres: no PostgreSQL server found; PostgreSQL tests will be skipped" >&2
  exec "$@"
fi

dir=$(mktemp -d /tmp/meterdesk-pg.XXXXXX)
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres:postgres "$dir"
  as_owner=(runuser -u postgres --)
fi

cleanup() {
  "${as_owner[@]}" "$pgbin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT INT TERM

"${as_owner[@]}" "$pgbin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }

# TLS with a throwaway CA, so that sslmode=verify-full is tested for real.
tls="$dir/tls"
mkdir -p "$tls"
if command -v openssl >/dev/null 2>&1; then
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Meterdesk test CA" \
    -keyout "$tls/ca.key" -out "$tls/ca.pem" >/dev/null 2>&1
  openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout "$tls/server.key" -out "$tls/server.csr" >/dev/null 2>&1
  printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' > "$tls/san.ext"
  openssl x509 -req -in "$tls/server.csr" -CA "$tls/ca.pem" -CAkey "$tls/ca.key" -CAcreateserial -days 2 \
    -extfile "$tls/san.ext" -out "$tls/server.pem" >/dev/null 2>&1
  chmod 600 "$tls/server.key"
  [ ${#as_owner[@]} -gt 0 ] && chown -R postgres:postgres "$tls"
fi

started=""
for attempt in 1 2 3 4 5 6 7 8; do
  port=$(( 20000 + (RANDOM % 20000) ))
  # The settings live in the cluster's own file, so that a plain
  # `pg_ctl start` (the outage tests stop and start the server) reuses them.
  cat > "$dir/data/postgresql.auto.conf" <<CONF
port = $port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
fsync = off
max_connections = 200
CONF
  if [ -f "$tls/server.pem" ]; then
    printf "ssl = on\nssl_cert_file = '%s'\nssl_key_file = '%s'\n" "$tls/server.pem" "$tls/server.key" >> "$dir/data/postgresql.auto.conf"
  fi
  if "${as_owner[@]}" "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start >/dev/null 2>&1; then
    started=yes
    break
  fi
done
if [ -z "$started" ]; then
  echo "with-postgres: the server did not start" >&2
  cat "$dir/server.log" >&2 || true
  exit 1
fi

export METERDESK_TEST_PG="postgresql://postgres@127.0.0.1:$port/postgres"
export METERDESK_TEST_PG_BIN="$pgbin"
export METERDESK_TEST_PG_DATA="$dir/data"
[ -f "$tls/ca.pem" ] && export METERDESK_TEST_PG_CA="$tls/ca.pem"
echo "with-postgres: PostgreSQL on 127.0.0.1:$port"
set +e
"$@"
status=$?
set -e
exit $status
