#!/usr/bin/env bash
# Measures how often the regression check calls an unchanged commit slower on this machine: one baseline run with
# 5 forks, saved as this machine's baseline, then repeated ordinary one-fork runs of the same commit, each compared
# with it the way a bare run is (flagged benchmarks re-measured in fresh forks before they count). Prints, per run,
# how many benchmarks looked slower at first and the final verdicts; every run file (with its -superseded.csv of
# first measurements) and console output is kept in OUT.
#
#   scripts/check-false-positives.sh [OUT_DIR] [REPEATS]
#
# The plan is the quick preset (override with BENCH_ARGS, e.g. "--models mlp --phases train-step"); with it and 3
# repeats this takes about 45 minutes on 2 cores. An existing OUT_DIR/baseline-5forks.csv is reused. Note: this
# replaces this machine's baseline in results/baselines/ with the 5-fork run.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-results/false-positives/$(date -u +%Y%m%dT%H%M%SZ)}
repeats=${2:-3}
plan=${BENCH_ARGS:-}
mkdir -p "$out"
run() { mvn -q -pl bench exec:java -Dexec.args="$*"; }

if [ ! -f "$out/baseline-5forks.csv" ]; then
  run bench $plan --forks 5 --no-compare --out "$out/baseline-5forks.csv"
fi
run baseline save "$out/baseline-5forks.csv"

summary() { # name file exit-code
  local first confirmed
  first=$(grep -oE '^[0-9]+ benchmark\(s\) look slower' "$2" | grep -oE '^[0-9]+' || echo 0)
  confirmed=$(grep -E '^[0-9]+ benchmarks:' "$2" | tail -1)
  echo "$1: exit $3; slower at first: $first; final: $confirmed"
}
{
  for i in $(seq 1 "$repeats"); do
    set +e
    run bench $plan --forks 1 --out "$out/run$i-1fork.csv" > "$out/run$i.txt" 2> "$out/run$i.stderr.txt"
    rc=$?
    set -e
    summary "run$i vs baseline" "$out/run$i.txt" "$rc"
  done
} | tee -a "$out/summary.txt"
