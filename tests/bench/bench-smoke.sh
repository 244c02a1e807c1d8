#!/usr/bin/env bash
# bench_smoke: a tiny run of meterdesk-bench must give every figure with
# both sides checked, and a run in which one side is made to fail
# (--fault) must give no figure for it and exit 1, with the reason.
set -uo pipefail
bench=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
small=(--events 3000 --users 60 --days 30 --record 500)
status=0

run() { # NAME DB [ARGS...]: runs the bench, keeps its output in $work/NAME.log
  local name=$1 db=$2
  shift 2
  "$bench" "${small[@]}" --db "$db" "$@" >"$work/$name.log" 2>&1
}

backends=("sqlite:$work/smoke.sqlite")
if [ -n "${METERDESK_TEST_PG:-}" ]; then
  name="bench_smoke_$$"
  if psql "$METERDESK_TEST_PG" -qc "CREATE DATABASE $name" >/dev/null; then
    backends+=("pg:${METERDESK_TEST_PG%/*}/$name")
  else
    echo "bench_smoke: cannot make a PostgreSQL database"; status=1
  fi
fi

for backend in "${backends[@]}"; do
  label=${backend%%:*} db=${backend#*:}
  if ! run "$label" "$db" --json "$work/$label.json"; then
    echo "bench_smoke: the $label run failed:"; cat "$work/$label.log"; status=1; continue
  fi
  checked=$(grep -c 'both sides checked' "$work/$label.log")
  if [ "$checked" -lt 9 ] || grep -q 'FAILED' "$work/$label.log"; then
    echo "bench_smoke: the $label run checked $checked figures:"; cat "$work/$label.log"; status=1
  fi
done

# Each fault on a database of its own: the bench must refuse the figure.
for fault in original-writer meterdesk-load sort; do
  case $fault in
    original-writer) expect='the original writer: 50 of 50 calls failed' ;;
    meterdesk-load) expect='dashboard load, 30 days, first load or F5: Meterdesk:' ;;
    sort) expect='the two sides sorted the users into different orders' ;;
  esac
  if run "fault-$fault" "$work/fault-$fault.sqlite" --fault "$fault"; then
    echo "bench_smoke: --fault $fault exited 0"; status=1
  elif ! grep -q "no figure: .*$expect" "$work/fault-$fault.log"; then
    echo "bench_smoke: --fault $fault did not say why:"; cat "$work/fault-$fault.log"; status=1
  fi
done

if [ -n "${METERDESK_TEST_PG:-}" ] && [ ${#backends[@]} -gt 1 ]; then
  psql "$METERDESK_TEST_PG" -qc "DROP DATABASE bench_smoke_$$" >/dev/null || true
fi
[ $status -eq 0 ] && echo "bench_smoke: every figure checked on ${#backends[@]} backend(s); every fault refused"
exit $status
