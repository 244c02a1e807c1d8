#!/usr/bin/env bash
# `make run`: make the demo database once, then show it.
set -euo pipefail
build=$1
db=$2
meterctl="$build/app/meterctl/meterctl"
if [ ! -s "$db" ]; then
  echo "Creating the demo database $db ..."
  "$meterctl" --db "$db" demo
else
  # A demo database an earlier build made: brought to this build's schema.
  "$meterctl" --db "$db" init >/dev/null
fi
meterdesk="$build/app/meterdesk/meterdesk"
if [ -x "$meterdesk" ]; then
  if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    exec "$meterdesk" --db "$db"
  fi
  shot="$build/meterdesk-demo.png"
  echo "No display found: writing a screenshot of the dashboard to $shot instead."
  QT_QPA_PLATFORM=offscreen "$meterdesk" --db "$db" --screenshot "$shot"
fi
"$meterctl" --db "$db" stats
