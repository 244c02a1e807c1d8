#!/usr/bin/env bash
# The desktop entry and the AppStream metadata, as a desktop and a software
# centre read them: both validate, and they name each other and the program.
set -euo pipefail
source_dir=$1
desktop="$source_dir/resources/meterdesk.desktop"
metainfo="$source_dir/resources/meterdesk.metainfo.xml"

# desktop-file-validate exits 0 on hints; a hint is a defect here too.
report=$(desktop-file-validate "$desktop" 2>&1) || { echo "$report"; exit 1; }
[ -z "$report" ] || { echo "desktop-file-validate: $report"; exit 1; }
appstreamcli validate --no-net --explain "$metainfo"

grep -qx 'Exec=meterdesk %f' "$desktop" || { echo "Exec must pass the file (%f)"; exit 1; }
grep -q '<launchable type="desktop-id">meterdesk.desktop</launchable>' "$metainfo" \
  || { echo "metainfo must launch meterdesk.desktop"; exit 1; }
grep -q '<binary>meterdesk</binary>' "$metainfo" || { echo "metainfo must provide the meterdesk binary"; exit 1; }
echo "desktop entry and metainfo are valid"
