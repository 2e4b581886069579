#!/usr/bin/env bash
# Drives the real `./floe sql` shell in tmux and prints the screen after each step: completion,
# multi-line input, Ctrl-C cancelling a long query, history surviving a restart.
# (ShellTmuxTest does the same from JUnit with assertions; this script is for looking at it by eye.)
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
command -v tmux >/dev/null || { echo "tmux is needed (apt-get install -y tmux)" >&2; exit 1; }
tmp="$(mktemp -d)"
s="floe-demo-$$"
trap 'tmux kill-session -t "$s" 2>/dev/null || true; rm -rf "$tmp"' EXIT
printf 'id,name,age\n1,alice,30\n2,bob,25\n3,carol,41\n' > "$tmp/people.csv"
{ echo "k,v"; for i in $(seq 1 40000); do echo "1,$i"; done; } > "$tmp/big.csv"
"$home/floe" help >/dev/null   # builds the jar if needed
start() {
  tmux new-session -d -s "$s" -x 150 -y 45 "FLOE_HISTORY=$tmp/history $home/floe sql; sleep 30"
  for _ in $(seq 1 600); do tmux capture-pane -p -t "$s" | grep -q 'floe>' && return; sleep 0.2; done
}
keys() { tmux send-keys -t "$s" "$@"; sleep "${PAUSE:-0.5}"; }
semi() { tmux send-keys -t "$s" -H 3b; tmux send-keys -t "$s" "$@"; sleep "${PAUSE:-0.5}"; }
show() { echo "===== $1"; tmux capture-pane -p -t "$s" | sed '/^$/d'; }
start
keys -l "CREATE VIEW people AS SELECT * FROM '$tmp/people.csv'"; semi Enter; show "create view"
keys -l "SELECT na"; keys Tab; show "completion of a column"
keys -l "FROM peo"; keys Tab; show "completion of a view"
keys Enter; show "multi-line: waiting for ;"
keys -l "ORDER BY age DESC"; semi Enter; show "result"
keys -l "SELECT count(*) FROM '$tmp/big.csv' a JOIN '$tmp/big.csv' b ON a.k = b.k"; semi Enter
sleep 2; show "long query running"
keys C-c; sleep 1; show "after Ctrl-C"
keys -l "SELECT count(*) AS n FROM people"; semi Enter; sleep 1; show "the shell goes on"
keys -l '\q'; keys Enter; sleep 1; show "after \\q"
tmux kill-session -t "$s" || true; start
keys Up; keys Up; show "after a restart, Up Up recalls the last statement before \\q"
