#!/usr/bin/env bash
# Installs the core as a package, builds examples/orchestrator against it with
# find_package(MeterdeskCore), and runs the seed's orchestrator flow.
set -euo pipefail
source_dir=$1
build_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake --install "$build_dir" --prefix "$work/prefix" >/dev/null
cmake -S "$source_dir/examples/orchestrator" -B "$work/build" -G Ninja \
      -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/build" >/dev/null

db="$work/usage.sqlite"
meterctl="$work/prefix/bin/meterctl"
"$meterctl" --db "$db" init >/dev/null
out=$("$work/build/orchestrator" "$db" "$work/journal.jsonl" ann)
echo "$out"
[ "$out" = "recorded 1 call(s)" ]
# claude-sonnet-4: 1200 x $3 + 80 x $15 + 4000 x $0.30 per 1M = $0.006
"$meterctl" --db "$db" users --csv | grep -q '^ann,,,1,5280,0.006000,0.006000,'
"$meterctl" --db "$db" block --user ann --reason "example" >/dev/null
set +e
out=$("$work/build/orchestrator" "$db" "$work/journal.jsonl" ann)
code=$?
set -e
echo "$out"
[ "$code" -eq 3 ] && [ "$out" = "API access blocked for this user" ]
echo "package example: ok"
