#!/usr/bin/env bash
# Renders the sample task-graph pictures (written by VisualizeTest to target/visualize/) in a real
# headless Chromium and takes a screenshot of each, for a human to look at:
#   target/visualize/tree-16.png          16 chunks -> 4 combines -> finalize, coloured by kind
#   target/visualize/tree-16-profile.png  the same after a run, coloured by duration, with the profile table
#   target/visualize/wide-201.png         201 tasks: compact circles, the widest layer collapsed
# Usage: partition-scheduler/scripts/check-visualize.sh   (from anywhere; installs chromium via apt if missing)
set -euo pipefail

module="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$module/.." && pwd)"
out="$module/target/visualize"

if [ ! -x /usr/bin/chromium ]; then
    echo "check-visualize: /usr/bin/chromium is missing; installing Debian's chromium" >&2
    apt-get update && apt-get install -y chromium
fi

(cd "$root" && mvn -o -q -pl partition-scheduler test -Dsurefire.failIfNoSpecifiedTests=false -Dtest='VisualizeTest')

status=0
for page in tree-16 tree-16-profile wide-201; do
    html="$out/$page.html"
    png="$out/$page.png"
    if [ ! -s "$html" ]; then
        echo "check-visualize: $html was not written by VisualizeTest" >&2
        exit 1
    fi
    rm -f "$png"
    profile="$(mktemp -d)"
    # run in the output dir: chromium writes --screenshot relative to its working directory
    (cd "$out" && timeout 60 /usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$profile" --hide-scrollbars --screenshot="$png" --window-size=1400,900 \
        "file://$html" >/dev/null 2>"$out/$page.chromium.log") || true
    rm -rf "$profile"
    if [ -s "$png" ]; then
        echo "check-visualize: $png ($(stat -c %s "$png") bytes)"
    else
        echo "check-visualize: no screenshot for $html; chromium said:" >&2
        tail -20 "$out/$page.chromium.log" >&2
        status=1
    fi
done
exit $status
